import CZlib

/// Builds a ZIP of stored (uncompressed) parts: the fuzz target wraps its input into a workbook with
/// it, so the fuzzer spends its time in the sheet XML rather than failing at the ZIP directory.
@_spi(Fuzzing)
public enum StoredZip {
    /// The bytes of a ZIP file holding `parts` (name, content) in order.
    public static func make(_ parts: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for (name, bytes) in parts {
            let offset = out.count
            let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            let nameBytes = Array(name.utf8)
            out += le32(0x0403_4b50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
            out += le32(UInt32(bytes.count)) + le32(UInt32(bytes.count)) + le16(UInt16(nameBytes.count)) + le16(0)
            out += nameBytes + bytes
            directory += le32(0x0201_4b50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
            directory += le32(UInt32(bytes.count)) + le32(UInt32(bytes.count)) + le16(UInt16(nameBytes.count))
            directory += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + nameBytes
        }
        let directoryOffset = out.count
        out += directory
        out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(parts.count)) + le16(UInt16(parts.count))
        out += le32(UInt32(directory.count)) + le32(UInt32(directoryOffset)) + le16(0)
        return out
    }

    /// A one-sheet workbook whose sheet part is `sheet` and whose shared strings part is `strings`.
    public static func workbook(sheet: [UInt8], strings: [UInt8]) -> [UInt8] {
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let rels = "http://schemas.openxmlformats.org/package/2006/relationships"
        return make([
            (
                "_rels/.rels",
                Array(
                    "<Relationships xmlns=\"\(rels)\"><Relationship Id=\"r1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
                        .utf8)
            ),
            (
                "xl/workbook.xml",
                Array(
                    "<workbook xmlns:r=\"\(rel)\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"r1\"/></sheets></workbook>"
                        .utf8)
            ),
            (
                "xl/_rels/workbook.xml.rels",
                Array(
                    ("<Relationships xmlns=\"\(rels)\"><Relationship Id=\"r1\" Type=\"\(rel)/worksheet\" Target=\"s.xml\"/>"
                        + "<Relationship Id=\"r2\" Type=\"\(rel)/sharedStrings\" Target=\"t.xml\"/>"
                        + "<Relationship Id=\"r3\" Type=\"\(rel)/styles\" Target=\"st.xml\"/></Relationships>").utf8)
            ),
            (
                "xl/st.xml",
                Array(
                    "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts><cellXfs><xf/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"
                        .utf8)
            ),
            ("xl/s.xml", sheet),
            ("xl/t.xml", strings),
        ])
    }

    private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private static func le32(_ v: UInt32) -> [UInt8] { le16(UInt16(v & 0xFFFF)) + le16(UInt16(v >> 16)) }
}
