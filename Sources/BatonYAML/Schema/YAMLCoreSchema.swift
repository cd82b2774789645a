/// The YAML 1.2 core schema's resolution of plain scalars.
enum YAMLCoreSchema {
    /// A plain scalar's resolution: a value, or an integer that does not fit.
    enum Resolution: Equatable {
        case value(YAMLValue)
        case integerOutOfRange

        var value: YAMLValue {
            switch self {
            case .value(let value): return value
            case .integerOutOfRange: return .string("")
            }
        }
    }

    static func resolvePlain(_ text: String) -> Resolution {
        if mayBeWord(text.utf8) { return word(text) ?? number(text) }
        return number(text)
    }

    /// Whether `text` can be one of the core schema's words (`null`, `~`,
    /// `True`, `.inf`, …): six bytes at most, starting with one of theirs.
    /// Checked first because comparing a string with the 26 words one by one
    /// cost ~50 instructions a word, on every plain scalar of every rule file.
    private static func mayBeWord(_ utf8: String.UTF8View) -> Bool {
        guard let first = utf8.first else { return true }
        guard utf8.count <= 6 else { return false }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// The value of a core schema word, or nil.
    private static func word(_ text: String) -> Resolution? {
        switch text {
        case "", "~", "null", "Null", "NULL": return .value(.null)
        case "true", "True", "TRUE": return .value(.bool(true))
        case "false", "False", "FALSE": return .value(.bool(false))
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .value(.double(.infinity))
        case "-.inf", "-.Inf", "-.INF": return .value(.double(-.infinity))
        case ".nan", ".NaN", ".NAN": return .value(.double(.nan))
        default: return nil
        }
    }

    /// A number, or else the text as a string.
    private static func number(_ text: String) -> Resolution {
        let utf8 = text.utf8
        guard let first = utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || isDigit(first)
        else { return .value(.string(text)) }
        if let integer = integer(text) { return integer }
        if isFloat(utf8), let double = Double(text) { return .value(.double(double)) }
        return .value(.string(text))
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`, or nil if the text is not an integer.
    private static func integer(_ text: String) -> Resolution? {
        let bytes = Array(text.utf8)
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let radix: Int?
            switch bytes[1] {
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "x"): radix = 16
            default: radix = nil
            }
            if let radix {
                let digits = bytes[2...]
                guard digits.allSatisfy({ digitValue($0).map { $0 < radix } ?? false }) else { return nil }
                guard let value = Int64(String(decoding: digits, as: UTF8.self), radix: radix) else {
                    return .integerOutOfRange
                }
                return .value(.int(value))
            }
        }
        var digits = bytes[...]
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        guard let value = Int64(text) else { return .integerOutOfRange }
        return .value(.int(value))
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ utf8: String.UTF8View) -> Bool {
        var bytes = utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            bytes = bytes.dropFirst()
        }
        let integerDigits = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(integerDigits)
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fractionDigits = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fractionDigits)
            if integerDigits == 0, fractionDigits == 0 { return false }
        } else if integerDigits == 0 {
            return false
        }
        if let exponent = bytes.first, exponent == UInt8(ascii: "e") || exponent == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                bytes = bytes.dropFirst()
            }
            let exponentDigits = bytes.prefix(while: isDigit).count
            guard exponentDigits > 0 else { return false }
            bytes = bytes.dropFirst(exponentDigits)
        }
        return bytes.isEmpty
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}
