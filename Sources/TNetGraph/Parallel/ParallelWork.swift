import Dispatch
import Synchronization

/// Reports the fraction of a long computation done, in `0 ... 1`. Called from worker threads,
/// at most a few hundred times per computation.
public typealias ProgressHandler = @Sendable (Double) -> Void

/// Runs `body` over `0 ..< count` split into `threads` contiguous ranges, one per thread, and
/// returns when all are done. With one thread (or a small count) it runs inline.
func parallelRanges(_ count: Int, threads: Int, minimumPerThread: Int = 4096, _ body: (Range<Int>) -> Void) {
    let t = max(1, min(threads, count / max(1, minimumPerThread)))
    if t == 1 { body(0 ..< count); return }
    // The ranges are disjoint and the call returns only when all are done: sharing `body`
    // (and what it captures) across the threads is safe by construction.
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let shared = body
        DispatchQueue.concurrentPerform(iterations: t) { i in
            shared(count * i / t ..< count * (i + 1) / t)
        }
    }
}

/// Hands out chunk indices `0 ..< chunkCount` to worker threads, first come first served.
final class ChunkCounter: Sendable {
    private let next = Atomic<Int>(0)
    let chunkCount: Int
    init(chunkCount: Int) { self.chunkCount = chunkCount }

    /// The next unclaimed chunk, or nil when all are claimed.
    func claim() -> Int? {
        let c = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return c < chunkCount ? c : nil
    }
}

/// Runs `work(chunk, worker)` for every chunk in `0 ..< chunkCount` on `threads` threads (chunks
/// are claimed dynamically; `worker` in `0 ..< threads` identifies the thread's own buffers) and
/// returns when all are done. `work` may write to disjoint parts of shared buffers.
///
/// - Parameters:
///   - chunkCount: the number of chunks.
///   - threads: the most threads (one runs inline, on the caller's thread).
///   - work: called once per chunk with the chunk and the worker's index.
public func forEachChunk(_ chunkCount: Int, threads: Int, _ work: (Int, Int) -> Void) {
    let t = max(1, min(threads, chunkCount))
    if t == 1 {
        for c in 0 ..< chunkCount { work(c, 0) }
        return
    }
    let counter = ChunkCounter(chunkCount: chunkCount)
    // Each chunk is claimed once and each worker index used by one thread; the call returns
    // only when all are done.
    withoutActuallyEscaping(work) { work in
        nonisolated(unsafe) let shared = work
        DispatchQueue.concurrentPerform(iterations: t) { worker in
            while let c = counter.claim() { shared(c, worker) }
        }
    }
}

/// Sums per-chunk vectors into a total **in chunk order**, whatever order the chunks finish in,
/// so that a parallel sum is the same, bit for bit, for any number of threads. A finished
/// chunk's vector waits in a small pool until every earlier chunk has been added.
final class OrderedSum: @unchecked Sendable {
    private struct State {
        var total: [Double]
        var waiting: [Int: [Double]] = [:]
        var spare: [[Double]] = []
        var nextChunk = 0
    }
    private let state: Mutex<State>
    private let length: Int

    init(length: Int) {
        self.length = length
        state = Mutex(State(total: [Double](repeating: 0, count: length)))
    }

    /// A zeroed vector to accumulate one chunk into.
    func buffer() -> [Double] {
        state.withLock { s in s.spare.popLast() } ?? [Double](repeating: 0, count: length)
    }

    /// Hands in chunk `chunk`'s vector; adds every chunk that is now next in line.
    func add(_ vector: [Double], chunk: Int) {
        state.withLock { s in
            s.waiting[chunk] = vector
            while var v = s.waiting.removeValue(forKey: s.nextChunk) {
                s.total.withUnsafeMutableBufferPointer { t in
                    v.withUnsafeMutableBufferPointer { b in
                        for i in 0 ..< t.count where b[i] != 0 {
                            t[i] += b[i]
                            b[i] = 0
                        }
                    }
                }
                s.spare.append(v)
                s.nextChunk += 1
            }
        }
    }

    /// The total, once every chunk was added.
    func result() -> [Double] { state.withLock { $0.total } }
}

/// Calls a ``ProgressHandler`` as chunks complete, at most about 200 times in all.
final class ChunkProgress: Sendable {
    private let done = Atomic<Int>(0)
    private let total: Int
    private let handler: ProgressHandler?
    init(total: Int, handler: ProgressHandler?) {
        self.total = max(1, total)
        self.handler = handler
    }

    func completed(_ count: Int = 1) {
        guard let handler else { return }
        let before = done.wrappingAdd(count, ordering: .relaxed).oldValue
        let after = before + count
        if after * 200 / total != before * 200 / total || after == total { handler(Double(after) / Double(total)) }
    }
}
