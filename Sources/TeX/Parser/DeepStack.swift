#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs deep recursive work — reading, converting and writing a formula nested hundreds of
/// levels — on a thread of its own with a large stack, and waits for it.
///
/// The reader and the writers recurse once per level of nesting (bounded by
/// `TeXParser.maximumDepth`), a few frames a level. A worker thread's stack (512 KiB under
/// libdispatch) holds that at full optimisation but not in a debug or sanitizer build, whose
/// frames are many times larger; rather than depend on the caller's thread, a formula that
/// nests past `TeXParser.shallowDepth` is read again here. Everyday formulas never are.
enum DeepStack {
    /// The stack of the thread: room for every level at the depth limit in any build.
    static let stackSize = 256 << 20

    /// `body`'s result, computed on a thread with a `stackSize` stack.
    static func run<Result>(_ body: () -> Result) -> Result {
        var result: Result?
        withoutActuallyEscaping(body) { body in
            let work = Work { result = body() }
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, stackSize)
            let context = Unmanaged.passRetained(work).toOpaque()
            #if canImport(Glibc)
                var thread = pthread_t()
            #else
                var thread: pthread_t?
            #endif
            let created = pthread_create(
                &thread, &attributes,
                { context in
                    Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().run()
                    return nil
                }, context)
            guard created == 0 else {
                // No thread to be had: do the work here, as deep as this stack allows.
                Unmanaged<Work>.fromOpaque(context).release()
                work.run()
                return
            }
            #if canImport(Glibc)
                pthread_join(thread, nil)
            #else
                pthread_join(thread!, nil)
            #endif
        }
        return result!
    }

    /// The work handed to the thread.
    private final class Work: @unchecked Sendable {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }
}
