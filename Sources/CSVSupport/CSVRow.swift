/// One step of reading a CSV file: a row, or why a record was skipped, so nothing is lost silently.
public enum CSVRow: Sendable, Equatable {
    /// A record's fields, untrimmed; `line` is the 1-based physical line the record starts on.
    case row(line: Int, fields: [String])
    /// The record's bytes are not UTF-8; `byteOffset` is the file offset where the first ill-formed
    /// sequence starts. The record is skipped; reading goes on.
    case invalidUTF8(line: Int, byteOffset: Int)
    /// The record breaks RFC 4180 at `line`:`column` (1-based, column in characters); it is skipped
    /// and reading resumes at the next physical line.
    case malformed(line: Int, column: Int, fault: CSVFault)
}
