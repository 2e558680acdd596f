extension UnsafeMutablePointer where Pointee: BitwiseCopyable {
    /// New memory holding `count` copies of `value`, for the scratch arrays of an algorithm's
    /// workspace (room for one value at least, so that an empty graph gets a valid pointer).
    /// The owner deallocates it.
    static func allocate(filling count: Int, with value: Pointee) -> UnsafeMutablePointer<Pointee> {
        let p = allocate(capacity: Swift.max(1, count))
        p.initialize(repeating: value, count: count)
        return p
    }

    /// New memory holding a copy of `values` (room for one value at least). The owner
    /// deallocates it.
    static func allocate(copying values: [Pointee]) -> UnsafeMutablePointer<Pointee> {
        let p = allocate(capacity: Swift.max(1, values.count))
        values.withUnsafeBufferPointer { b in
            if let base = b.baseAddress { p.initialize(from: base, count: b.count) }
        }
        return p
    }
}
