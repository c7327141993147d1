import ComplianceCore
import XLSXSupport

/// The workbook reader's problems as sentences of the message catalogue, in the report's language.
extension WorkbookProblem {
    /// What is wrong with the workbook.
    var message: Message {
        switch self {
        case .cannotOpen(let code): Message(.workbookCannotOpen, nested: ["why": .systemError(code)])
        case .cannotRead(let code): Message(.workbookCannotRead, nested: ["why": .systemError(code)])
        case .readFailed: Message(.workbookReadFailed)
        case .tooLarge(let bytes, let limit):
            Message(.workbookTooLarge, ["bytes": String(bytes), "limit": String(limit)])
        case .notZip(let fault): Message(.workbookNotZip, nested: ["fault": fault.message])
        case .tooManyParts(let count, let limit):
            Message(.workbookTooManyParts, ["count": String(count), "limit": String(limit)])
        case .encrypted: Message(.workbookEncrypted)
        case .partTooLarge(let part, let bytes, let limit):
            Message(.workbookPartTooLarge, ["part": part, "bytes": String(bytes), "limit": String(limit)])
        case .partRatio(let part, let ratio, let limit):
            Message(.workbookPartRatio, ["part": part, "ratio": String(ratio), "limit": String(limit)])
        case .inflateStart: Message(.workbookInflateStart)
        case .partOverflows(let part, let size): Message(.workbookPartOverflows, ["part": part, "size": String(size)])
        case .partCutShort(let part): Message(.workbookPartCutShort, ["part": part])
        case .partNotDeflate(let part): Message(.workbookPartNotDeflate, ["part": part])
        case .partSizeMismatch(let part, let produced, let size):
            Message(.workbookPartSizeMismatch, ["part": part, "produced": String(produced), "size": String(size)])
        case .partCRC(let part): Message(.workbookPartCRC, ["part": part])
        case .partNotUTF8(let part): Message(.workbookPartNotUTF8, ["part": part])
        case .lacksPart(let part): Message(.workbookLacksPart, ["part": part])
        case .noWorkbookPart: Message(.workbookNoWorkbookPart)
        case .noWorkbookElement: Message(.workbookNoWorkbookElement)
        case .lacksSheetPart(let sheet): Message(.workbookLacksSheetPart, ["sheet": sheet])
        case .sharedStringsNotUTF8: Message(.sharedStringsNotUTF8)
        case .sharedStringsTooLarge(let limit): Message(.sharedStringsTooLarge, ["limit": String(limit)])
        case .tokenTooLarge(let part, let limit): Message(.xmlTokenTooLarge, ["part": part, "limit": String(limit)])
        case .textTooLarge(let part, let limit): Message(.xmlTextTooLarge, ["part": part, "limit": String(limit)])
        case .notWellFormed(let part, let fault):
            Message(.xmlNotWellFormed, ["part": part], nested: ["fault": fault.message])
        case .badSheet(let part, let fault):
            Message(.sheetPartProblem, ["part": part], nested: ["fault": fault.message])
        case .headerNamesColumnTwice(let sheet, let row, let name):
            Message(.workbookHeaderNamesColumnTwice, ["sheet": sheet, "row": String(row), "name": name])
        }
    }
}

extension ZipFault {
    /// Why the file is not a ZIP archive this reader accepts.
    var message: Message {
        switch self {
        case .partBeyondEnd: Message(.zipPartBeyondEnd)
        case .localHeaderMissing: Message(.zipLocalHeaderMissing)
        case .tooShort: Message(.zipTooShort)
        case .noEndRecord: Message(.zipNoEndRecord)
        case .multiVolume: Message(.zipMultiVolume)
        case .zip64Archive: Message(.zipArchive64)
        case .directoryOutside: Message(.zipDirectoryOutside)
        case .brokenEntry: Message(.zipBrokenEntry)
        case .nameNotUTF8: Message(.zipNameNotUTF8)
        case .zip64Part: Message(.zipPart64)
        case .duplicatePart(let part): Message(.zipDuplicatePart, ["part": part])
        case .compressionMethod(let part, let method):
            Message(.workbookCompressionMethod, ["part": part, "method": String(method)])
        }
    }
}

extension XMLFault {
    /// Why the part is not well-formed XML.
    var message: Message {
        switch self {
        case .endsInsideTag: Message(.xmlEndsInsideTag)
        case .declaration: Message(.xmlDeclaration)
        case .endsInsideComment: Message(.xmlEndsInsideComment)
        case .lessThanInTag: Message(.xmlLessThanInTag)
        case .tagWithoutName: Message(.xmlTagWithoutName)
        case .attributeWithoutValue: Message(.xmlAttributeWithoutValue)
        case .unquotedAttribute: Message(.xmlUnquotedAttribute)
        case .unterminatedAttribute: Message(.xmlUnterminatedAttribute)
        case .unterminatedEntity: Message(.xmlUnterminatedEntity)
        case .undefinedEntity: Message(.xmlUndefinedEntity)
        }
    }
}

extension SheetFault {
    /// Why the worksheet part breaks the sheet format.
    var message: Message {
        switch self {
        case .rowNumberOutOfRange(let text, let max):
            Message(.sheetRowNumberOutOfRange, ["text": text, "max": String(max)])
        case .rowsOutOfOrder(let row, let previous):
            Message(.sheetRowsOutOfOrder, ["row": String(row), "previous": String(previous)])
        case .endsInsideRow(let row): Message(.sheetEndsInsideRow, ["row": String(row)])
        case .cellInWrongRow(let cell, let row): Message(.sheetCellInWrongRow, ["cell": cell, "row": String(row)])
        case .columnsOutOfOrder(let row, let column, let previous):
            Message(
                .sheetColumnsOutOfOrder, ["row": String(row), "column": String(column), "previous": String(previous)])
        case .badCellReference(let reference): Message(.sheetBadCellReference, ["reference": reference])
        case .endsInsideCell(let row): Message(.sheetEndsInsideCell, ["row": String(row)])
        case .cellNotUTF8(let row): Message(.sheetCellNotUTF8, ["row": String(row)])
        case .sharedStringOutOfRange(let cell, let index, let count):
            Message(.sheetSharedStringOutOfRange, ["cell": cell, "index": String(index), "count": String(count)])
        }
    }
}
