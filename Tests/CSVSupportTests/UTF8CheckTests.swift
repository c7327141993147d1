import Testing

@testable import CSVSupport

/// `UTF8Check.firstInvalidIndex` reads ASCII sixteen bytes at a time; it must find exactly what a
/// byte-at-a-time reading of the Unicode table finds, wherever a bad or multi-byte sequence falls.
@Suite("UTF8Check finds the first ill-formed sequence")
struct UTF8CheckTests {
    /// The Unicode standard's table (Table 3-7), one byte at a time.
    static func reference(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let (length, low, high): (Int, UInt8, UInt8)
            switch lead {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                let range = offset == 1 ? low...high : 0x80...0xBF
                if !range.contains(byte) { return index }
            }
            index += length
        }
        return nil
    }

    static func check(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Check.firstInvalidIndex(in: $0) }
    }

    @Test("valid text, ASCII and Vietnamese, at every length and offset")
    func validText() {
        let text = Array("id,unit,type,date\nBắc Kạn — Ủy ban nhân dân tỉnh, tiếp công dân 😀 định kỳ\n".utf8)
        for start in 0..<20 {
            for end in stride(from: start, through: text.count, by: 1) {
                let slice = Array(text[start..<end])
                #expect(Self.check(slice) == Self.reference(slice), "bytes \(start)..<\(end)")
            }
        }
        #expect(Self.check(text) == nil)
        #expect(String(validating: text, as: UTF8.self) != nil)
    }

    @Test("a bad byte at every position of a long ASCII run is found there")
    func badByteEverywhere() {
        for bad: UInt8 in [0x80, 0xBF, 0xC0, 0xC1, 0xF5, 0xFF, 0xE0, 0xED, 0xF4] {
            for position in 0..<70 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 70)
                bytes[position] = bad
                #expect(Self.check(bytes) == Self.reference(bytes), "byte \(bad) at \(position)")
                #expect(Self.check(bytes) == position, "byte \(bad) at \(position)")
            }
        }
    }

    @Test("random bytes, mostly ASCII, agree with the byte-at-a-time table")
    func randomBytes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let pieces: [[UInt8]] = [
            Array("ạ".utf8), Array("😀".utf8), Array("Đ".utf8), [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90],
        ]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            let length = Int(next() % 80)
            while bytes.count < length {
                if next() % 10 == 0 {
                    bytes += pieces[Int(next() % UInt64(pieces.count))]
                } else {
                    bytes.append(UInt8(0x20 + next() % 0x5F))
                }
            }
            #expect(Self.check(bytes) == Self.reference(bytes), "\(bytes)")
            #expect((Self.check(bytes) == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }
}
