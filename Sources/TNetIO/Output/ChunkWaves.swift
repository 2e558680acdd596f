import TNetGraph

/// Output made in chunks on the threads and written in order, a wave of chunks at a time: the
/// writers' way to stream a large file (memory holds one wave, never the file).
enum ChunkWaves {
    /// Makes chunks `0 ..< count` with `make`, `4 × threads` at a time on the threads, and hands
    /// each wave's bytes, in chunk order, to `emit` before the next wave is made.
    /// - Parameters:
    ///   - count: How many chunks.
    ///   - threads: How many threads make them.
    ///   - make: A chunk's bytes, from its number; called on any thread.
    ///   - emit: Called with each wave's bytes, in order.
    static func write(count: Int, threads: Int, make: (Int) -> [UInt8], _ emit: ([UnsafeRawBufferPointer]) throws -> Void) throws {
        let t = max(1, threads)
        var first = 0
        while first < count {
            let inWave = min(4 * t, count - first)
            var made = [[UInt8]](repeating: [], count: inWave)
            made.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                let start = first
                forEachChunk(inWave, threads: t) { j, _ in out[j] = make(start + j) }
            }
            var joined: [UInt8] = []
            joined.reserveCapacity(made.reduce(0) { $0 + $1.count })
            for m in made { joined += m }
            made = []
            try joined.withUnsafeBytes { try emit([$0]) }
            first += inWave
        }
    }
}
