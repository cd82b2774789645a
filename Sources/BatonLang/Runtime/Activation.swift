/// The mutable state of evaluations on one thread: variable values by slot,
/// the evaluation time, comprehension variables and the limits that bound
/// one evaluation. Create one per thread and reuse it across evaluations.
public final class Activation {
    /// Variable values by slot (`Environment.slot(of:)`), in memory this
    /// activation owns: reading a field of a variable, or lending a value to
    /// a slot, then costs neither an array's bounds and uniqueness checks nor
    /// its modify accessor (half of a simple condition's evaluation).
    let variables: UnsafeMutablePointer<Value>
    /// How many variables `variables` holds.
    public let variableCount: Int
    /// The evaluation time that `now`, `days_since` and `hours_since` read.
    // Unchecked, as `steps` is: the time field tests read it per element, and
    // a checked read cost ≈ 85 instructions in `swift_beginAccess`.
    @exclusivity(unchecked) public var now: Timestamp
    /// The most comprehension steps (one per element visited) one evaluation may take.
    // Unchecked, as `now` is: every comprehension reads it, and a checked
    // read cost ≈ 100 instructions in `swift_beginAccess` and `swift_endAccess`.
    @exclusivity(unchecked) public var stepBudget: Int = 1_000_000
    /// The most elements a list built by `map` or `filter` may hold.
    // Unchecked for the same reason: `filter` reads it.
    @exclusivity(unchecked) public var maximumListSize: Int = 100_000

    /// Comprehension steps taken by the current evaluation.
    @exclusivity(unchecked) var steps = 0
    /// Comprehension variables by slot (their nesting depth): each points at
    /// the element its comprehension is visiting, in the list the
    /// comprehension keeps alive while it runs (see `LocalSlots`).
    @exclusivity(unchecked) var locals = LocalSlots()
    /// The value a typed evaluator could not give as its type (an error,
    /// null, a value of another type), handed to its caller's general path.
    @exclusivity(unchecked) var escaped: Value = .null
    /// Sub-expression values recorded by a traced evaluation.
    @exclusivity(unchecked) var traceEntries: [TraceEntry] = []

    /// An activation for programs compiled by `environment`, every variable null.
    public convenience init(environment: Environment, now: Timestamp) {
        self.init(variableCount: environment.variables.count, now: now)
    }

    private init(variableCount: Int, now: Timestamp) {
        self.variableCount = variableCount
        self.variables = .allocate(capacity: Swift.max(variableCount, 1))
        self.variables.initialize(repeating: .null, count: variableCount)
        self.now = now
    }

    deinit {
        variables.deinitialize(count: variableCount)
        variables.deallocate()
        locals.release()
    }

    /// The value of the variable in `slot`, null for a slot this activation does not have.
    @inline(__always)
    func variable(_ slot: Int) -> Value {
        slot < variableCount ? variables[slot] : .null
    }

    /// Sets the variable in `slot` (`Environment.slot(of:)`) for the evaluations that follow.
    // A method rather than a settable `values`: a caller in another module
    // would check exclusivity at run time on every store.
    public func bind(_ value: consuming Value, toSlot slot: Int) {
        precondition(slot >= 0 && slot < variableCount, "no variable in slot \(slot)")
        variables[slot] = value
    }

    /// Runs `body` with the value at `value` in the variable `slot`, then
    /// puts the slot's previous value back. The value is lent, not copied: a
    /// loop that evaluates programs over many leads it already holds would
    /// otherwise pay an atomic retain and release (and outlined copies of
    /// `Value`) per lead, as much as a simple condition's whole evaluation.
    /// A pointer rather than a `borrowing` value: a value loaded from memory
    /// the callee might write is copied to be passed borrowed.
    /// `body` must not bind that slot. See also `Program.evaluate(_:bindingValueAt:toSlot:)`.
    public func withBinding<Result>(
        valueAt value: UnsafePointer<Value>, toSlot slot: Int, _ body: () throws -> Result
    ) rethrows -> Result {
        let previous = lend(value, toSlot: slot)
        defer { endLoan(previous, toSlot: slot) }
        return try body()
    }

    /// Moves the slot's value out (returned, still owned) and puts a bitwise
    /// copy of `*value` in `slot`, unowned. Whatever evaluation copies out of
    /// the slot is retained as usual; `endLoan` moves the previous value back
    /// over the lent bits without releasing them. A move rather than a copy
    /// of the bits into a local buffer: a buffer whose address is taken costs
    /// a stack frame and a stack-protector check on every evaluation.
    @inline(__always)
    func lend(_ value: UnsafePointer<Value>, toSlot slot: Int) -> Value {
        precondition(slot >= 0 && slot < variableCount, "no variable in slot \(slot)")
        let previous = (variables + slot).move()
        UnsafeMutableRawPointer(variables + slot).copyMemory(from: value, byteCount: MemoryLayout<Value>.size)
        return previous
    }

    /// Ends what `lend` began: the previous value is back in `slot`.
    @inline(__always)
    func endLoan(_ previous: consuming Value, toSlot slot: Int) {
        (variables + slot).initialize(to: previous)
    }

    /// An activation with no variables, for folding constants while compiling.
    static func scratch() -> Activation {
        Activation(variableCount: 0, now: Timestamp(seconds: 0))
    }

    /// The most sub-expression values one traced evaluation records.
    static let maximumTraceEntries = 10_000

    @inline(__always)
    func record(_ entry: TraceEntry) {
        if traceEntries.count < Self.maximumTraceEntries { traceEntries.append(entry) }
    }

    /// Prepares for one evaluation that needs `localCount` comprehension slots.
    @inline(__always)
    func begin(localCount: Int) {
        steps = 0
        if locals.count < localCount { locals.grow(to: localCount) }
    }

    /// Leaves `value` for the caller of a typed evaluator; returns the nil it then returns.
    @inline(__always)
    func escape<Typed>(_ value: Value) -> Typed? {
        escaped = value
        return nil
    }

    /// The value a typed evaluator escaped (see `escape`), clearing the slot.
    @inline(__always)
    func takeEscaped() -> Value {
        let value = escaped
        escaped = .null
        return value
    }

    /// Counts one comprehension step; false once the budget is spent.
    @inline(__always)
    func takeStep() -> Bool {
        steps += 1
        return steps <= stepBudget
    }

    /// Counts the size of a value `map` keeps against the step budget, so
    /// that memory is bounded as well as time: one step per list, map or
    /// record inside it, per 16 of their elements and per 256 bytes of
    /// string. Values share storage, so a few steps could otherwise build a
    /// value of exponential size (`[1].map(a, [a, a]).map(a, [a, a])…`); the
    /// count stops as soon as the budget is spent. False once it is.
    func takeSteps(forSizeOf value: Value) -> Bool {
        steps += Self.sizeCost(of: value, limit: stepBudget - steps)
        return steps <= stepBudget
    }

    /// The steps `takeSteps(forSizeOf:)` charges for `value`, or some number
    /// above `limit` once it passes it.
    private static func sizeCost(of value: Value, limit: Int) -> Int {
        switch value {
        case .string(let text):
            return text.utf8.count >> 8
        case .list(let elements):
            var cost = 1 + elements.count >> 4
            for element in elements where cost <= limit { cost += sizeCost(of: element, limit: limit - cost) }
            return cost
        case .map(let map):
            var cost = 1 + map.count >> 4
            for element in map.values where cost <= limit { cost += sizeCost(of: element, limit: limit - cost) }
            return cost
        case .record(let record):
            var cost = 1
            for field in record.fields where cost <= limit { cost += sizeCost(of: field, limit: limit - cost) }
            return cost
        default:
            return 0
        }
    }
}

/// Comprehension variables by slot, each a pointer to the element its
/// comprehension is visiting. Moving to the next element stores a pointer
/// rather than copying (and retaining) the element; reading one is a load,
/// without an array's bounds and uniqueness checks. The comprehension keeps
/// the list it visits alive while any of its elements is pointed at; a slot
/// no comprehension has bound points at a null.
struct LocalSlots {
    // Never written after it is made: shared by every thread's activations.
    nonisolated(unsafe) private static let null: UnsafeMutablePointer<Value> = {
        let pointer = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        pointer.initialize(to: .null)
        return pointer
    }()

    private var slots: UnsafeMutablePointer<UnsafePointer<Value>>?
    private(set) var count = 0

    /// The element comprehension variable `slot` is at.
    subscript(slot: Int) -> UnsafePointer<Value> {
        @inline(__always) get { slots.unsafelyUnwrapped[slot] }
        // Checked where a comprehension binds, so that a read, which follows, stays in bounds.
        @inline(__always) nonmutating set {
            precondition(slot < count, "comprehension slot \(slot) not prepared by begin(localCount:)")
            slots.unsafelyUnwrapped[slot] = newValue
        }
    }

    /// The slots, for a loop that binds `slot` on every element: the
    /// bounds checked here once, not per element.
    @inline(__always)
    func prepared(_ slot: Int) -> UnsafeMutablePointer<UnsafePointer<Value>> {
        precondition(slot < count, "comprehension slot \(slot) not prepared by begin(localCount:)")
        return slots.unsafelyUnwrapped
    }

    /// Makes room for `count` slots, the new ones at null.
    mutating func grow(to count: Int) {
        let grown = UnsafeMutablePointer<UnsafePointer<Value>>.allocate(capacity: count)
        if let slots {
            grown.moveInitialize(from: slots, count: self.count)
            slots.deallocate()
        }
        (grown + self.count).initialize(repeating: UnsafePointer(Self.null), count: count - self.count)
        (slots, self.count) = (grown, count)
    }

    func release() {
        slots?.deallocate()
    }
}
