/// Builds a `YAMLNode` tree from one YAML file with libyaml's event API, within `YAMLLimits`, so
/// loaders of configuration, rules and units get nodes with positions and never a crash.
public enum YAMLComposer {
    /// Composes `bytes` (one UTF-8 YAML document); problems are values, never thrown or fatal.
    public static func compose(bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) -> YAMLDocument {
        let origin = SourceMark(line: 1, column: 1)
        if bytes.count > limits.maxFileBytes {
            let message = "the file has \(bytes.count) bytes, more than the limit of \(limits.maxFileBytes)"
            return YAMLDocument(
                root: nil, problems: [YAMLProblem(code: YAMLProblem.limit, message: message, mark: origin)])
        }
        if ByteLocation.startsWithUTF16BOM(bytes) {
            let problem = YAMLProblem(
                code: YAMLProblem.invalidUTF8,
                message: "the file is UTF-16 or UTF-32; only UTF-8 is accepted",
                mark: origin)
            return YAMLDocument(root: nil, problems: [problem])
        }
        let parser = LibYAMLEventParser(bytes: bytes)
        var builder = TreeBuilder(limits: limits)
        do {
            while try builder.consume(try parser.next()) {}
            return YAMLDocument(root: builder.root, problems: builder.problems)
        } catch let failure as ParseFailure {
            let problem = failure.problem(locatingIn: bytes)
            return YAMLDocument(root: nil, problems: builder.problems + [problem])
        } catch let problem as YAMLProblem {
            let root = problem.code == YAMLProblem.multipleDocuments ? builder.root : nil
            return YAMLDocument(root: root, problems: builder.problems + [problem])
        } catch {
            let problem = YAMLProblem(code: YAMLProblem.syntax, message: "\(error)", mark: origin)
            return YAMLDocument(root: nil, problems: builder.problems + [problem])
        }
    }
}

extension ParseFailure {
    /// The problem this failure means; `bytes` locate reader errors, which libyaml gives as offsets.
    func problem(locatingIn bytes: [UInt8]) -> YAMLProblem {
        switch self {
        case .syntax(let message, let mark):
            return YAMLProblem(code: YAMLProblem.syntax, message: message, mark: mark)
        case .reader(let problem, let offset, let value):
            let mark = ByteLocation.mark(ofByteOffset: offset, in: bytes)
            return YAMLProblem(
                code: YAMLProblem.invalidUTF8, message: Self.readerMessage(problem, offset, value), mark: mark
            )
        case .input(let message):
            return YAMLProblem(
                code: YAMLProblem.syntax, message: message, mark: SourceMark(line: 1, column: 1))
        case .memory:
            return YAMLProblem(
                code: YAMLProblem.limit, message: "libyaml ran out of memory",
                mark: SourceMark(line: 1, column: 1))
        }
    }

    /// "invalid leading UTF-8 octet 0xFF at byte offset 12", from libyaml's reader-error fields.
    static func readerMessage(_ problem: String, _ offset: Int, _ value: Int) -> String {
        let shown = value >= 0 ? " 0x" + String(value, radix: 16, uppercase: true) : ""
        return "\(problem)\(shown) at byte offset \(offset)"
    }
}
