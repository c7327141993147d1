/// The YAML 1.2 core-schema rules this package applies, in one place so the composer, the record
/// reader and node accessors agree.
enum YAMLCoreSchema {
    /// The prefix of the standard tags (`!!str` resolves to `tag:yaml.org,2002:str`).
    static let tagPrefix = "tag:yaml.org,2002:"
    /// The `!!str` tag, which keeps a plain scalar from reading as null, a boolean or a number.
    static let strTag = tagPrefix + "str"
    /// The standard tags accepted on nodes; anything else (`!include`, `!!python/…`) is refused.
    static let allowedTags: Set<String> = Set(
        ["str", "int", "float", "bool", "null", "seq", "map"].map { tagPrefix + $0 }
    ).union(["!"])

    /// Whether a tag is absent or one of the allowed standard ones.
    static func isAllowed(tag: String?) -> Bool {
        guard let tag else { return true }
        return allowedTags.contains(tag)
    }

    /// Whether plain text reads as null.
    ///
    /// Every null spelling is at most four bytes, so longer text is refused before five comparisons.
    static func isNull(_ text: String) -> Bool {
        guard text.utf8.count <= 4 else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The boolean plain text reads as, if any.
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// The integer plain text reads as (`[-+]?[0-9]+`, in range), if any.
    static func int(_ text: String) -> Int? {
        let utf8 = text.utf8
        guard let first = utf8.first else { return nil }
        let digits = (first == UInt8(ascii: "-") || first == UInt8(ascii: "+")) ? utf8.dropFirst() : utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(text, radix: 10)
    }
}

extension YAMLCoreSchema {
    /// A tag as a user would write it: `!!python/object` rather than `tag:yaml.org,2002:python/object`.
    static func shortForm(_ tag: String) -> String {
        tag.hasPrefix(tagPrefix) ? "!!" + tag.dropFirst(tagPrefix.count) : tag
    }
}
