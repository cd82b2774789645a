import BatonLang

/// The leading test of an event rule's condition when it compares a field of
/// the event with a string: `event.type == "form_submit" and …`.
///
/// `&&` decides on a false left side without evaluating the right one, and
/// `==` with a string is false for another string and for null (language.md
/// "Equality", "Null and absent data"). So an event whose field holds another
/// string or null fails the whole condition, with no value and no warning:
/// the engine skips it without evaluating the condition, which for most
/// events of most rules is most of the work.
struct EventFieldTest: Sendable {
    let slot: Int
    let expected: String

    /// Nil unless the leftmost operand of the condition's `&&` chain (or the
    /// condition itself) is `event.field == "text"` or `"text" == event.field`,
    /// with the field known by slot in `eventType`.
    init?(condition: Expr, eventType: RecordType?) {
        var leftmost = condition
        while case .binary(.and, let left, _) = leftmost.kind { leftmost = left }
        guard case .binary(.equal, let left, let right) = leftmost.kind else { return nil }
        let comparison =
            EventFieldTest.fieldAndText(field: left, text: right)
            ?? EventFieldTest.fieldAndText(field: right, text: left)
        guard let comparison, let slot = eventType?.slot(of: comparison.field) else { return nil }
        self.slot = slot
        expected = comparison.text
    }

    private static func fieldAndText(field: Expr, text: Expr) -> (field: String, text: String)? {
        guard case .select(let operand, let name, _, _) = field.kind, case .identifier("event") = operand.kind,
            case .literal(.string(let literal)) = text.kind
        else { return nil }
        return (name, literal)
    }

    /// False when the event certainly fails the test; true when the
    /// condition has to be evaluated (the field holds that string, or a
    /// value the test does not settle).
    func mayHold(_ event: UnsafePointer<Value>) -> Bool {
        guard case .record(let record) = event.pointee, slot < record.fields.count else { return true }
        switch record.fields[slot] {
        case .string(let actual):
            // The evaluator compares strings by their UTF-8 bytes; Swift's `==`
            // (a byte compare for ASCII, canonical equivalence beyond) is
            // false only when the bytes differ too, and costs far less than
            // `elementsEqual`.
            return actual.utf8.count == expected.utf8.count && actual == expected
        case .null:
            return false
        default:
            return true
        }
    }
}
