/// What is wrong with a workbook, as a value with its parameters.
///
/// The sentence is written by the log loader's message catalogue in the report's language. Part and
/// sheet names are already made printable (`ZipArchive.printable`).
public enum WorkbookProblem: Sendable, Equatable {
    /// `open` failed; `errno` is the system's reason.
    case cannotOpen(errno: Int32)
    /// `fstat` failed; `errno` is the system's reason.
    case cannotRead(errno: Int32)
    /// A read of the file failed part way.
    case readFailed
    /// The file is over the size limit.
    case tooLarge(bytes: Int, limit: Int)
    /// The file is not a ZIP archive that can be read.
    case notZip(ZipFault)
    /// More parts than the limit.
    case tooManyParts(count: Int, limit: Int)
    /// The workbook is encrypted.
    case encrypted
    /// A part inflates to more than the part limit.
    case partTooLarge(part: String, bytes: Int, limit: Int)
    /// A part inflates by more than the ratio limit.
    case partRatio(part: String, ratio: Int, limit: Int)
    /// zlib could not start.
    case inflateStart
    /// A part inflates to more than its directory entry says.
    case partOverflows(part: String, size: Int)
    /// A part's data ends early.
    case partCutShort(part: String)
    /// A part is not deflate data.
    case partNotDeflate(part: String)
    /// A part inflates to another size than its directory entry says.
    case partSizeMismatch(part: String, produced: Int, size: Int)
    /// A part fails its CRC check.
    case partCRC(part: String)
    /// A part's text is not UTF-8.
    case partNotUTF8(part: String)
    /// A part the package's relationships name is missing.
    case lacksPart(part: String)
    /// There is no workbook part.
    case noWorkbookPart
    /// The workbook part's root is not `<workbook>`.
    case noWorkbookElement
    /// A sheet's part is missing.
    case lacksSheetPart(sheet: String)
    /// The shared strings are not UTF-8.
    case sharedStringsNotUTF8
    /// The shared strings exceed the limit.
    case sharedStringsTooLarge(limit: Int)
    /// A tag or text is over the token limit.
    case tokenTooLarge(part: String, limit: Int)
    /// A text is over the token limit.
    case textTooLarge(part: String, limit: Int)
    /// A part is not well-formed XML.
    case notWellFormed(part: String, XMLFault)
    /// A worksheet part breaks the sheet format.
    case badSheet(part: String, SheetFault)
    /// A sheet's header names a column twice.
    case headerNamesColumnTwice(sheet: String, row: Int, name: String)
}

/// Why a file is not a ZIP archive this reader accepts.
public enum ZipFault: Sendable, Equatable {
    case partBeyondEnd, localHeaderMissing, tooShort, noEndRecord, multiVolume, zip64Archive
    case directoryOutside, brokenEntry, nameNotUTF8, zip64Part
    /// Two parts share `part`'s name.
    case duplicatePart(String)
    /// A part compressed with a method other than stored or deflated.
    case compressionMethod(part: String, method: Int)
}

/// Why a part is not well-formed XML.
public enum XMLFault: Sendable, Equatable {
    case endsInsideTag, declaration, endsInsideComment, lessThanInTag, tagWithoutName
    case attributeWithoutValue, unquotedAttribute, unterminatedAttribute, unterminatedEntity, undefinedEntity
}

/// Why a worksheet part breaks the sheet format (rows and columns 1-based).
public enum SheetFault: Sendable, Equatable {
    /// A row number (its printable first characters) outside 1…`max`.
    case rowNumberOutOfRange(text: String, max: Int)
    case rowsOutOfOrder(row: Int, previous: Int)
    case endsInsideRow(row: Int)
    /// A cell whose reference names another row.
    case cellInWrongRow(cell: String, row: Int)
    case columnsOutOfOrder(row: Int, column: Int, previous: Int)
    /// A cell reference (its printable first characters) outside A1:XFD1048576.
    case badCellReference(String)
    case endsInsideCell(row: Int)
    case cellNotUTF8(row: Int)
    /// A shared-string index (its printable first characters) beyond the table's `count`.
    case sharedStringOutOfRange(cell: String, index: String, count: Int)
}
