/// How a scalar was written, because YAML 1.2 resolution (null, bool, int) applies only to plain scalars.
public enum ScalarStyle: Sendable, Hashable {
    /// Unquoted text, the only style that can read as null, a boolean or a number.
    case plain
    /// `'text'`, always a string.
    case singleQuoted
    /// `"text"`, always a string.
    case doubleQuoted
    /// `|` block text, always a string.
    case literal
    /// `>` block text, always a string.
    case folded
}
