/// The parts of an open workbook file, each read as a stream.
final class WorkbookFiles {
    let archive: ZipArchive
    let limits: WorkbookLimits

    init(path: String, limits: WorkbookLimits) throws {
        archive = try ZipArchive(path: path, limits: limits)
        self.limits = limits
    }

    func hasPart(_ name: String) -> Bool { archive.entries[name] != nil }

    /// A scanner over part `name`'s inflated XML; the caller releases it.
    func scanner(for name: String) throws -> XMLScanner {
        guard let entry = archive.entries[name] else {
            throw WorkbookError.malformed(.lacksPart(part: ZipArchive.printable(name)))
        }
        return XMLScanner(
            source: try PartReader(archive: archive, entry: entry), partName: name, maxTokenBytes: limits.maxTokenBytes)
    }
}

/// An Office Open XML workbook (`.xlsx`) opened for reading its sheets' rows one at a time
/// (SPEC §10.7).
///
/// Opening reads the package relationships, the workbook part (sheet names, visibility, the date
/// system), the styles (which cell styles are dates) and the shared strings — the one table held in
/// memory. Sheets are then streamed by `SheetReader`.
public final class Workbook {
    /// One sheet, in workbook order.
    public struct Sheet: Sendable {
        public let name: String
        /// `state` is visible (the default); hidden and very hidden sheets are not.
        public let isVisible: Bool
        /// A worksheet (not a chart sheet or dialog sheet).
        public let isWorksheet: Bool
        let part: String?
    }

    public let sheets: [Sheet]
    /// Whether dates count from 1904-01-01 (`<workbookPr date1904="1"/>`).
    public let uses1904: Bool
    let files: WorkbookFiles
    let strings: SharedStrings
    let styles: CellStyles

    /// Opens `path`; a `WorkbookError` says why the file cannot be read as a workbook.
    public init(path: String, limits: WorkbookLimits = WorkbookLimits()) throws {
        files = try WorkbookFiles(path: path, limits: limits)
        let office = try PackageParts.relationships(of: "", in: files).first {
            $0.type.hasSuffix("/officeDocument")
        }
        guard let workbookPart = office?.target ?? (files.hasPart("xl/workbook.xml") ? "xl/workbook.xml" : nil),
            files.hasPart(workbookPart)
        else {
            throw WorkbookError.malformed(.noWorkbookPart)
        }
        let relationships = try PackageParts.relationships(of: workbookPart, in: files)
        var targets: [String: PackageParts.Relationship] = [:]
        for r in relationships { targets[r.id] = r }

        var scanner = try files.scanner(for: workbookPart)
        defer { scanner.release() }
        var found: [Sheet] = []
        var date1904 = false
        var sawWorkbook = false
        while true {
            let token = try scanner.next()
            if token == .eof { break }
            guard case .start = token else { continue }
            if scanner.nameIs("workbook") {
                sawWorkbook = true
            } else if scanner.nameIs("workbookPr") {
                let value = scanner.attribute("date1904").map { Array($0) } ?? []
                date1904 = value == Array("1".utf8) || value == Array("true".utf8)
            } else if scanner.nameIs("sheet") {
                let name = try PackageParts.text(scanner.attribute("name"), part: workbookPart)
                let state = try PackageParts.text(scanner.attribute("state"), part: workbookPart)
                let id = try PackageParts.text(scanner.attribute("id"), part: workbookPart)
                let relationship = targets[id]
                found.append(
                    Sheet(
                        name: name, isVisible: state.isEmpty || state == "visible",
                        isWorksheet: relationship?.type.hasSuffix("/worksheet") ?? true,
                        part: relationship?.target))
            }
        }
        guard sawWorkbook else {
            throw WorkbookError.malformed(.noWorkbookElement)
        }
        sheets = found
        uses1904 = date1904

        if let part = relationships.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target, files.hasPart(part) {
            var s = try files.scanner(for: part)
            defer { s.release() }
            strings = try SharedStrings(scanner: &s, maxBytes: limits.maxSharedStringBytes)
        } else {
            strings = SharedStrings()
        }
        if let part = relationships.first(where: { $0.type.hasSuffix("/styles") })?.target, files.hasPart(part) {
            var s = try files.scanner(for: part)
            defer { s.release() }
            styles = try CellStyles(scanner: &s)
        } else {
            styles = CellStyles()
        }
    }

    /// A reader of `sheet`'s rows; throws when its part is missing.
    public func rows(of sheet: Sheet) throws -> SheetReader {
        guard let part = sheet.part, files.hasPart(part) else {
            throw WorkbookError.malformed(.lacksSheetPart(sheet: ZipArchive.printable(sheet.name)))
        }
        return SheetReader(scanner: try files.scanner(for: part), workbook: self)
    }
}
