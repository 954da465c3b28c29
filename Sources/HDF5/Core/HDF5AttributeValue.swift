/// The value of an HDF5 attribute: a string, an integer or a real number, scalar or 1-D array.
public enum HDF5AttributeValue: Sendable, Equatable, CustomStringConvertible {
    /// One string (stored as a scalar variable-length UTF-8 string).
    case string(String)
    /// An array of strings.
    case strings([String])
    /// One integer (stored as int64; any integer type reads as this).
    case int(Int64)
    /// An array of integers.
    case ints([Int64])
    /// One real number (stored as float64; float32 reads as this).
    case double(Double)
    /// An array of real numbers.
    case doubles([Double])

    /// The string, when the value is one string (or an array of exactly one).
    public var stringValue: String? {
        switch self {
        case .string(let value): return value
        case .strings(let values) where values.count == 1: return values[0]
        default: return nil
        }
    }

    /// The strings, when the value is a string or strings.
    public var stringsValue: [String]? {
        switch self {
        case .string(let value): return [value]
        case .strings(let values): return values
        default: return nil
        }
    }

    /// The integer, when the value is one integer (or an array of exactly one).
    public var intValue: Int64? {
        switch self {
        case .int(let value): return value
        case .ints(let values) where values.count == 1: return values[0]
        default: return nil
        }
    }

    /// The integers, when the value is integer.
    public var intsValue: [Int64]? {
        switch self {
        case .int(let value): return [value]
        case .ints(let values): return values
        default: return nil
        }
    }

    /// The number as Double, when the value is one real or integer number.
    public var doubleValue: Double? {
        switch self {
        case .double(let value): return value
        case .doubles(let values) where values.count == 1: return values[0]
        case .int(let value): return Double(value)
        case .ints(let values) where values.count == 1: return Double(values[0])
        default: return nil
        }
    }

    /// The numbers as Doubles, when the value is real or integer.
    public var doublesValue: [Double]? {
        switch self {
        case .double(let value): return [value]
        case .doubles(let values): return values
        case .int(let value): return [Double(value)]
        case .ints(let values): return values.map(Double.init)
        default: return nil
        }
    }

    /// A short readable form: `"text"`, `3`, `[1, 2]`.
    public var description: String {
        switch self {
        case .string(let value): return "\"\(value)\""
        case .strings(let values): return "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case .int(let value): return "\(value)"
        case .ints(let values): return "\(values)"
        case .double(let value): return "\(value)"
        case .doubles(let values): return "\(values)"
        }
    }
}
