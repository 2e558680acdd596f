#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A fixed team of threads that run one body together and meet at barriers between steps:
/// for level-synchronous algorithms whose steps are too short (microseconds) to hand to a
/// thread pool one by one. Every member is its own OS thread (the caller is member 0), so a
/// barrier can never wait for a member that a pool has not started.
final class WorkerTeam: Sendable {
    let size: Int
    private let arrived = Atomic<Int>(0)
    private let generation = Atomic<Int>(0)

    private init(size: Int) { self.size = size }

    /// Runs `body(member, team)` on `size` threads and returns when all have returned.
    /// Members must call ``barrier()`` equally often.
    static func run(size: Int, _ body: (Int, WorkerTeam) -> Void) {
        let team = WorkerTeam(size: max(1, size))
        if team.size == 1 { body(0, team); return }
        withoutActuallyEscaping(body) { body in
            // The threads are joined before this closure returns: sharing `body` is safe.
            nonisolated(unsafe) let shared = body
            final class Start: @unchecked Sendable {
                let work: () -> Void
                init(_ work: @escaping () -> Void) { self.work = work }
            }
            var threads: [pthread_t] = []
            for member in 1 ..< team.size {
                let start = Start { shared(member, team) }
                let context = Unmanaged.passRetained(start).toOpaque()
                var thread = pthread_t()
                let status = pthread_create(&thread, nil, { raw in
                    let start = Unmanaged<Start>.fromOpaque(raw!).takeRetainedValue()
                    start.work()
                    return nil
                }, context)
                precondition(status == 0, "pthread_create failed (\(status))")
                threads.append(thread)
            }
            shared(0, team)
            for thread in threads { pthread_join(thread, nil) }
        }
    }

    /// Waits until every member has arrived. Spins briefly, then yields the processor.
    func barrier() {
        guard size > 1 else { return }
        let current = generation.load(ordering: .acquiring)
        if arrived.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue == size {
            arrived.store(0, ordering: .relaxed)
            generation.store(current + 1, ordering: .releasing)
            return
        }
        var spins = 0
        while generation.load(ordering: .acquiring) == current {
            spins += 1
            if spins > 2_000 { sched_yield() }
        }
    }
}
