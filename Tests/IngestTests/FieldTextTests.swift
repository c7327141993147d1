import ComplianceCore
import Testing

@testable import Ingest

/// A required field is used in place when its bytes are plain (`lend`) and copied and normalised
/// otherwise; either way it must read as the normalised text, and "plain" (checked a word at a
/// time) must mean exactly ASCII with no white space at either end.
@Suite("FieldText reads a field as its normalised text")
struct FieldTextTests {
    static let values: [String] = [
        "", "e1", "p01.c00001", "2024-01-31", "citizen-reception", " lead", "trail ", "\tx\t", "Bắc Kạn",
        "  Ủy ban  ", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", "e\u{301}", "x\r\n",
    ]

    static func plainByBytes(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        let space: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        return !space.contains(first) && !space.contains(last) && bytes.allSatisfy { $0 < 0x80 }
    }

    @Test("lent and stored fields read as the normalised text", arguments: values)
    func lentAndStored(value: String) {
        let bytes = Array(value.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var lent = FieldText()
            lent.lend(normalizing: buffer)
            var stored = FieldText()
            stored.store(normalizing: buffer)
            #expect(lent.text == TextNormalization.normalize(value))
            #expect(stored.text == lent.text)
            #expect(lent.isGiven == !TextNormalization.normalize(value).isEmpty)
            #expect(FieldText.isPlain(buffer) == Self.plainByBytes(bytes))
        }
    }

    @Test("a non-ASCII byte anywhere in a field of any length is not plain")
    func nonASCIIAnywhere() {
        for length in 1...20 {
            for position in 0..<length {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                bytes[position] = 0xC3
                bytes.withUnsafeBufferPointer { #expect(!FieldText.isPlain($0), "length \(length), at \(position)") }
            }
            let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            ascii.withUnsafeBufferPointer { #expect(FieldText.isPlain($0), "length \(length)") }
        }
    }

    @Test("a field cleared and reused holds the next record's value, lent or stored")
    func reuse() {
        var field = FieldText()
        let first = Array(" Bắc ".utf8)
        let second = Array("p02".utf8)
        first.withUnsafeBufferPointer { field.lend(normalizing: $0) }
        #expect(field.text == "Bắc")
        field.clear()
        #expect(!field.isGiven)
        second.withUnsafeBufferPointer { buffer in
            field.lend(normalizing: buffer)
            #expect(field.text == "p02")
        }
        field.clear()
        first.withUnsafeBufferPointer { field.store(normalizing: $0) }
        #expect(field.text == "Bắc")
    }
}
