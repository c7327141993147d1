/// Why a CSV record breaks the format, as a value with its numbers: the sentence is written by the
/// log loader's message catalogue in the report's language.
public enum CSVFault: Sendable, Equatable {
    /// More than `limit` cells.
    case tooManyCells(limit: Int)
    /// The record is longer than `limit` bytes; `openQuote` when a quoted field was still open (a
    /// missing closing quote is the likely cause).
    case recordTooLong(limit: Int, openQuote: Bool)
    /// A field is longer than `limit` bytes; `openQuote` as for `recordTooLong`.
    case fieldTooLong(limit: Int, openQuote: Bool)
    /// A `"` inside a field that does not start with one.
    case quoteInUnquotedField
    /// Text between a quoted field's closing quote and the next comma or line break.
    case textAfterClosingQuote
    /// A quoted field still open at the end of the file.
    case unclosedQuote
    /// A NUL byte at file offset `byteOffset`.
    case nulByte(byteOffset: Int)
}
