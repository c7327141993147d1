import CSVSupport
import ComplianceCore

/// The CSV reader's problems as sentences of the message catalogue, in the report's language.
extension CSVFault {
    /// What is wrong with the record.
    var message: Message {
        switch self {
        case .tooManyCells(let limit): return Message(.csvTooManyCells, ["limit": String(limit)])
        case .recordTooLong(let limit, let openQuote):
            return Message(.csvRecordTooLong, ["limit": String(limit)]) + Self.quoteHint(openQuote)
        case .fieldTooLong(let limit, let openQuote):
            return Message(.csvFieldTooLong, ["limit": String(limit)]) + Self.quoteHint(openQuote)
        case .quoteInUnquotedField: return Message(.csvQuoteInUnquotedField)
        case .textAfterClosingQuote: return Message(.csvTextAfterClosingQuote)
        case .unclosedQuote: return Message(.csvUnclosedQuote)
        case .nulByte(let offset): return Message(.csvNULByte, ["offset": String(offset)])
        }
    }

    /// "; is a closing quote missing?" after a length limit hit inside a quoted field.
    private static func quoteHint(_ openQuote: Bool) -> Message {
        openQuote ? Message(.csvClosingQuoteMissing) : .empty
    }
}

extension CSVFileError {
    /// Why the file cannot be read.
    var message: Message {
        switch self {
        case .cannotOpen(let path, let code):
            Message(.cannotOpenPath, ["path": path], nested: ["why": .systemError(code)])
        case .isDirectory(let path): Message(.pathIsDirectory, ["path": path])
        case .notRegularFile(let path): Message(.pathNotRegularFile, ["path": path])
        case .readFailed(let code): Message(.readError, nested: ["why": .systemError(code)])
        }
    }
}
