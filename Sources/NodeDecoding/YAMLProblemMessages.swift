import ComplianceCore
import YAMLSupport

/// A YAML problem's sentence, from the message catalogue in the report's language; libyaml's own
/// fixed sentences go through `LibYAMLPhrases`.
extension YAMLProblemDetail {
    /// What the problem says.
    public var message: Message {
        switch self {
        case .libyaml(let error):
            guard let context = error.context, let mark = error.contextMark else { return .libyaml(error.problem) }
            return Message(
                .libyamlInContext, ["line": String(mark.line), "column": String(mark.column)],
                nested: ["problem": .libyaml(error.problem), "context": .libyaml(context)])
        case .libyamlReader(let problem, let value, let offset):
            guard value >= 0 else {
                return Message(.libyamlReader, ["offset": String(offset)], nested: ["problem": .libyaml(problem)])
            }
            let shown = "0x" + String(value, radix: 16, uppercase: true)
            return Message(
                .libyamlReaderValue, ["value": shown, "offset": String(offset)], nested: ["problem": .libyaml(problem)])
        case .fileTooLarge(let bytes, let limit):
            return Message(.yamlFileTooLarge, ["bytes": String(bytes), "limit": String(limit)])
        case .notUTF8Encoding: return Message(.yamlNotUTF8Encoding)
        case .outOfMemory: return Message(.libyamlOutOfMemory)
        case .inputUnreadable: return Message(.yamlInputUnreadable)
        case .cannotOpen(let path, let code):
            return Message(.cannotOpenPath, ["path": path], nested: ["why": .systemError(code)])
        case .isDirectory(let path): return Message(.pathIsDirectory, ["path": path])
        case .notRegularFile(let path): return Message(.pathNotRegularFile, ["path": path])
        case .secondDocument: return Message(.yamlSecondDocument)
        case .unsupportedTag(let tag): return Message(.yamlUnsupportedTag, ["tag": tag])
        case .undefinedAlias(let name): return Message(.yamlUndefinedAlias, ["name": name])
        case .aliasExpansion(let limit): return Message(.yamlAliasExpansion, ["limit": String(limit)])
        case .nestedTooDeep(let limit): return Message(.yamlNestedTooDeep, ["limit": String(limit)])
        case .duplicateKey(let key, let first):
            return Message(.yamlDuplicateKey, ["key": key, "line": String(first.line), "column": String(first.column)])
        case .recordNotMapping(let found):
            return Message(.yamlRecordNotMapping, nested: ["found": found.message])
        case .fieldNotScalar(let part, let found):
            return Message(.yamlFieldNotScalar, nested: ["part": part.message, "found": found.message])
        case .fieldMissing(let part):
            return Message(.yamlFieldMissing, nested: ["part": part.message])
        case .duplicateField(let name, let first):
            return Message(
                .yamlDuplicateField, ["name": name, "line": String(first.line), "column": String(first.column)])
        case .aliasInRecord(let name): return Message(.yamlAliasInRecord, ["name": name])
        case .anchorInRecord(let name): return Message(.yamlAnchorInRecord, ["name": name])
        case .tagInRecord(let tag): return Message(.yamlTagInRecord, ["tag": tag])
        case .logNotMapping: return Message(.yamlLogNotMapping)
        case .logWithoutEvents: return Message(.yamlLogWithoutEvents)
        case .unexpectedTopLevelKey(let key?): return Message(.yamlLogUnexpectedKey, ["key": key])
        case .unexpectedTopLevelKey(nil): return Message(.yamlLogUnexpectedNode)
        case .eventsWithAnchor: return Message(.yamlEventsWithAnchor)
        case .eventsNotList: return Message(.yamlEventsNotList)
        case .secondLogDocument: return Message(.yamlSecondLogDocument)
        }
    }
}

extension YAMLNodeShape {
    /// "a list", "a mapping", "a scalar", in the report's language.
    var message: Message {
        switch self {
        case .list: Message(.yamlShapeList)
        case .mapping: Message(.yamlShapeMapping)
        case .scalar: Message(.yamlShapeScalar)
        }
    }
}

extension LogFieldPart {
    /// "a field name" or "the value of field 'x'", in the report's language.
    var message: Message {
        switch self {
        case .name: Message(.yamlFieldName)
        case .value(let name): Message(.yamlFieldValue, ["name": name])
        }
    }
}
