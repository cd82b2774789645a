/// Field tests against a constant, each in one object: a closure that
/// captures one reference is called through a thinner thunk than one that
/// captures the field, the constant, the flags and the fallback (15–25
/// instructions a call). Each gives the fast verdict when the field has the
/// type it expects and otherwise the general comparison's (`fallback`).

/// A field test that also stands alone as a compiled bool node: its fast
/// verdict, else the general comparison's.
protocol FieldTestWithFallback {
    var fallback: BoolEvaluator { get }
    func fastVerdict(_ activation: Activation) -> Bool?
}

extension FieldTestWithFallback {
    @inline(__always)
    func verdict(_ activation: Activation) -> Bool? {
        fastVerdict(activation) ?? fallback(activation)
    }
}

/// A field compared with a number constant.
final class FieldComparedWithNumber: FusedCondition, FieldTestWithFallback, @unchecked Sendable {
    let field: FieldReference
    let operation: BinaryOperator
    /// The constant as an int, or nil when only the general comparison can compare an int with it.
    let intLimit: Int64?
    /// The constant as a double, or nil when it is an int that a double cannot hold exactly.
    let doubleLimit: Double?
    /// The verdict on the field's default when it is null (`(x ?? 0) >= 10`),
    /// worked out once; nil without a default.
    let nullVerdict: Bool?
    let fallback: BoolEvaluator

    init(
        field: FieldReference, operation: BinaryOperator, intLimit: Int64?, doubleLimit: Double?,
        nullVerdict: Bool?, fallback: @escaping BoolEvaluator
    ) {
        self.field = field
        self.operation = operation
        self.intLimit = intLimit
        self.doubleLimit = doubleLimit
        self.nullVerdict = nullVerdict
        self.fallback = fallback
    }

    override func test(_ activation: Activation) -> Bool? { fastVerdict(activation) }

    /// The verdict when the field is a number the limits compare with, or
    /// null with a default; else nil.
    @inline(__always)
    final func fastVerdict(_ activation: Activation) -> Bool? {
        field.testValue(activation) { value in
            switch value {
            case .int(let number): intLimit.map { operation.holds(number, $0) }
            case .double(let number): doubleLimit.map { operation.holds(number, $0) }
            case .null: nullVerdict
            default: nil
            }
        }
    }
}

/// A field compared for (in)equality with a string constant, on the bytes.
final class FieldEqualToString: FusedCondition, FieldTestWithFallback, @unchecked Sendable {
    let field: FieldReference
    let expected: ConstantString
    /// For `!=`.
    let negated: Bool
    let fallback: BoolEvaluator

    init(field: FieldReference, expected: String, negated: Bool, fallback: @escaping BoolEvaluator) {
        self.field = field
        self.expected = ConstantString(expected)
        self.negated = negated
        self.fallback = fallback
    }

    override func test(_ activation: Activation) -> Bool? { fastVerdict(activation) }

    /// The verdict when the field is a string, else nil.
    @inline(__always)
    final func fastVerdict(_ activation: Activation) -> Bool? {
        field.testString(activation, { expected.matches($0) }).map { $0 != negated }
    }
}

/// A field compared for (in)equality with `true` or `false` (`lead.unsubscribed == true`).
final class FieldEqualToBool: FusedCondition, FieldTestWithFallback, @unchecked Sendable {
    let field: FieldReference
    let expected: Bool
    /// For `!=`.
    let negated: Bool
    let fallback: BoolEvaluator

    init(field: FieldReference, expected: Bool, negated: Bool, fallback: @escaping BoolEvaluator) {
        self.field = field
        self.expected = expected
        self.negated = negated
        self.fallback = fallback
    }

    override func test(_ activation: Activation) -> Bool? { fastVerdict(activation) }

    /// The verdict when the field is a bool or null (which equals no bool), else nil.
    @inline(__always)
    final func fastVerdict(_ activation: Activation) -> Bool? {
        field.testValue(activation) { value in
            switch value {
            case .bool(let flag): (flag == expected) != negated
            case .null: negated
            default: nil
            }
        }
    }
}

/// A field looked up in a constant list (`in`, `not in`), or its string
/// lower-cased or its domain (`(lead.email ?? "").domain() in tables.free`);
/// the field may have a default.
final class FieldInConstant: FusedCondition, FieldTestWithFallback, @unchecked Sendable {
    /// What of the field is looked up.
    enum Key: Sendable {
        /// The field's value.
        case value
        /// `lower()` of the field's string (`lookup` compares in turn then).
        case lowercased
        /// `domain()` of the field's string (`lookup` compares in turn then).
        case domain

        /// The key a call of `function` on the field looks up, if it is one of those.
        init?(function: String) {
            switch function {
            case "lower": self = .lowercased
            case "domain": self = .domain
            default: return nil
            }
        }

        /// The key of a string, as the general path computes it.
        func of(_ text: String) -> Value {
            switch self {
            case .value: .string(text)
            case .lowercased: .string(UnicodeText.lower(text))
            case .domain: UnicodeText.domain(text).map(Value.string) ?? .null
            }
        }
    }

    let field: FieldReference
    let lookup: ConstantMembership
    /// For `not in`.
    let negated: Bool
    let key: Key
    /// Whether the value the field stands for when null is in the list,
    /// worked out when compiling; nil when only the general path can tell.
    let nullFound: Bool?
    let fallback: BoolEvaluator

    init(
        field: FieldReference, lookup: ConstantMembership, negated: Bool, key: Key, nullFound: Bool?,
        fallback: @escaping BoolEvaluator
    ) {
        self.field = field
        self.lookup = lookup
        self.negated = negated
        self.key = key
        self.nullFound = nullFound
        self.fallback = fallback
    }

    override func test(_ activation: Activation) -> Bool? { fastVerdict(activation) }

    /// The verdict when the lookup decides it, else nil.
    @inline(__always)
    final func fastVerdict(_ activation: Activation) -> Bool? {
        field.testValue(activation) { value in
            switch (value, key) {
            case (.null, _): nullFound
            case (_, .value): lookup.contains(value)
            case (.string(let text), .lowercased): lookup.containsLowercased(text)
            case (.string(let text), .domain): lookup.containsDomain(of: text)
            default: nil
            }
        }.map { $0 != negated }
    }
}

/// A fixed table's entry for a field compared for (in)equality with a
/// constant (`tables.regions[lead.country] == "EMEA"`): the keys whose
/// entry equals the constant are found when compiling, so evaluating looks
/// the field's bytes up among them, copying neither the key nor the entry.
final class FieldTableEntryTest: FusedCondition, FieldTestWithFallback, @unchecked Sendable {
    let field: FieldReference
    /// The keys whose entry equals the constant, each to `true`; nil when none does.
    let matchingKeys: ASCIIKeyTable?
    /// For `!=`.
    let negated: Bool
    let fallback: BoolEvaluator

    init(field: FieldReference, matchingKeys: ASCIIKeyTable?, negated: Bool, fallback: @escaping BoolEvaluator) {
        self.field = field
        self.matchingKeys = matchingKeys
        self.negated = negated
        self.fallback = fallback
    }

    override func test(_ activation: Activation) -> Bool? { fastVerdict(activation) }

    /// The verdict for an ASCII string (the table's keys are ASCII, and
    /// Swift's lookup may find one of them for other text, by canonical
    /// equivalence) or null (whose entry is null, which equals no constant
    /// but null); else nil.
    @inline(__always)
    final func fastVerdict(_ activation: Activation) -> Bool? {
        field.testValue(activation) { value in
            switch value {
            case .string(let key):
                guard let matchingKeys else {
                    return UnicodeText.withBytes(key) { bytes in bytes.allSatisfy { $0 < 0x80 } ? false : nil }
                }
                // Nil for a key that is not ASCII; null for one that does not match.
                return matchingKeys.value(for: key).map { entry in if case .bool = entry { true } else { false } }
            case .null: return false
            default: return nil
            }
        }.map { $0 != negated }
    }
}

/// A field's string tested against a literal (`contains`, `startsWith`,
/// `endsWith`), lowered first when the call was `s.lower().contains("vp")`;
/// the field may have a literal default (`(e.url ?? "").contains("/x")`).
final class FieldSubstringTest: FusedCondition, @unchecked Sendable {
    let field: FieldReference
    let kind: UnicodeText.SubstringTest
    let pattern: [UInt8]
    /// For a lower-cased text: the pattern is lower-case ASCII; a text that
    /// is not ASCII has no fast verdict.
    let lowering: Bool
    /// The verdict on the default when the field is null, worked out once;
    /// nil without a default (or for one the fast test cannot decide).
    let nullVerdict: Bool?

    init(field: FieldReference, whenNull: String?, kind: UnicodeText.SubstringTest, pattern: [UInt8], lowering: Bool) {
        self.field = field
        self.kind = kind
        self.pattern = pattern
        self.lowering = lowering
        nullVerdict = whenNull.flatMap { text in
            lowering ? UnicodeText.asciiLowercased(text, kind, pattern) : UnicodeText.test(text, kind, pattern)
        }
    }

    override func test(_ activation: Activation) -> Bool? { fastVerdict(activation) }

    /// The verdict when the field is a contiguous string (an ASCII one when
    /// lowering), or null with a default; else nil.
    @inline(__always)
    final func fastVerdict(_ activation: Activation) -> Bool? {
        field.testValue(activation) { value in
            switch value {
            case .string(let text):
                lowering
                    ? UnicodeText.asciiLowercased(text, kind, pattern) : UnicodeText.testInPlace(text, kind, pattern)
            case .null: nullVerdict
            default: nil
            }
        }
    }
}

/// A timestamp field compared with a time a constant duration from `now`:
/// the time elapsed since it (`now - e.at <= 30d`), or the field itself
/// with `now` moved by the duration (`e.at >= now - 7d`). Computed without
/// building the intermediate `Value`s, which cost ≈ 400 instructions per
/// event; an overflow, a null or another type goes to the general path.
final class FieldTimeFromNow: FusedCondition, FieldTestWithFallback, @unchecked Sendable {
    enum Shape {
        /// `now - field <op> duration`.
        case elapsedSince(bound: TimeDuration)
        /// `field <op> now + offset` (the offset negated for `now - duration`).
        case comparedWithNow(offset: TimeDuration)
    }

    let field: FieldReference
    let operation: BinaryOperator
    let shape: Shape
    let fallback: BoolEvaluator

    init(field: FieldReference, operation: BinaryOperator, shape: Shape, fallback: @escaping BoolEvaluator) {
        self.field = field
        self.operation = operation
        self.shape = shape
        self.fallback = fallback
    }

    override func test(_ activation: Activation) -> Bool? { fastVerdict(activation) }

    /// The verdict when the field is a timestamp and the arithmetic stays in range, else nil.
    @inline(__always)
    final func fastVerdict(_ activation: Activation) -> Bool? {
        field.testValue(activation) { value in
            guard case .timestamp(let time) = value else { return nil }
            switch shape {
            case .elapsedSince(let bound):
                return TimeArithmetic.elapsed(from: time, to: activation.now).map { operation.holds($0, bound) }
            case .comparedWithNow(let offset):
                return TimeArithmetic.sum(activation.now, offset).map { operation.holds(time, $0) }
            }
        }
    }
}
