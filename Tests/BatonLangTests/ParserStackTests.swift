import Testing

@testable import BatonLang

#if canImport(Glibc)
    import Glibc
#endif

/// The parser's recursion is bounded by the nesting limit, so the deepest
/// expressions it accepts parse on a thread with a small stack (1 MiB; a
/// debug build needs about 640 KiB for them, a release build about 100 KiB).
@Suite struct ParserStackTests {
    final class Work: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Runs `body` on a new thread with `stackSize` bytes of stack, and waits.
    static func run(stackSize: Int, _ body: @escaping () -> Void) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(
            &thread, &attributes,
            { raw in
                guard let raw else { return nil }
                Unmanaged<Work>.fromOpaque(raw).takeRetainedValue().body()
                return nil
            }, work)
        guard created == 0 else { return false }
        pthread_join(thread, nil)
        return true
    }

    @Test(arguments: [1024 * 1024])
    func deepestAcceptedExpressionsOnASmallStack(stackSize: Int) {
        let sources = ParserLimitsTests.nestings.map { $0.1(128) }
        nonisolated(unsafe) var failures = 0
        let ran = Self.run(stackSize: stackSize) {
            for source in sources where Parser.parse(source).expr == nil { failures += 1 }
        }
        #expect(ran)
        #expect(failures == 0)
    }
}
