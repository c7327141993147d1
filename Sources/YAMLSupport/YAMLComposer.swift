/// Builds a `YAMLNode` tree from one YAML file with libyaml's event API, within `YAMLLimits`, so
/// loaders of configuration, rules and units get nodes with positions and never a crash.
public enum YAMLComposer {
    /// Composes `bytes` (one UTF-8 YAML document); problems are values, never thrown or fatal.
    public static func compose(bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) -> YAMLDocument {
        let origin = SourceMark(line: 1, column: 1)
        if bytes.count > limits.maxFileBytes {
            let detail = YAMLProblemDetail.fileTooLarge(bytes: bytes.count, limit: limits.maxFileBytes)
            return YAMLDocument(
                root: nil, problems: [YAMLProblem(code: YAMLProblem.limit, detail: detail, mark: origin)])
        }
        if ByteLocation.startsWithUTF16BOM(bytes) {
            let problem = YAMLProblem(
                code: YAMLProblem.invalidUTF8,
                detail: .notUTF8Encoding,
                mark: origin)
            return YAMLDocument(root: nil, problems: [problem])
        }
        let parser = LibYAMLEventParser(bytes: bytes)
        var builder = TreeBuilder(limits: limits)
        while true {
            let event: ParsedEvent
            do throws(ParseFailure) {
                event = try parser.next()
            } catch {
                return YAMLDocument(root: nil, problems: builder.problems + [error.problem(locatingIn: bytes)])
            }
            do throws(YAMLProblem) {
                guard try builder.consume(event) else { break }
            } catch {
                let root = error.code == YAMLProblem.multipleDocuments ? builder.root : nil
                return YAMLDocument(root: root, problems: builder.problems + [error])
            }
        }
        return YAMLDocument(root: builder.root, problems: builder.problems)
    }
}

extension ParseFailure {
    /// The problem this failure means; `bytes` locate reader errors, which libyaml gives as offsets.
    func problem(locatingIn bytes: [UInt8]) -> YAMLProblem {
        problem { ByteLocation.mark(ofByteOffset: $0, in: bytes) }
    }

    /// The problem this failure means; `locate` turns a reader error's byte offset into a mark.
    func problem(locate: (Int) -> SourceMark) -> YAMLProblem {
        let origin = SourceMark(line: 1, column: 1)
        switch self {
        case .syntax(let error):
            return YAMLProblem(code: YAMLProblem.syntax, detail: .libyaml(error), mark: error.problemMark)
        case .reader(let problem, let offset, let value):
            return YAMLProblem(
                code: YAMLProblem.invalidUTF8,
                detail: .libyamlReader(problem: problem, value: value, byteOffset: offset), mark: locate(offset))
        case .input:
            return YAMLProblem(code: YAMLProblem.syntax, detail: .inputUnreadable, mark: origin)
        case .memory:
            return YAMLProblem(code: YAMLProblem.limit, detail: .outOfMemory, mark: origin)
        }
    }
}
