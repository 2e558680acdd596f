/// Hub and authority scores (``Graph/hits(weighted:tolerance:maxIterations:normalized:)``).
public struct HITSScores: Sendable, Hashable {
    /// The hub score of every node, by node index (high when it points to good authorities).
    public var hubs: [Double]
    /// The authority score of every node, by node index (high when good hubs point to it).
    public var authorities: [Double]
}

extension Graph {
    /// HITS hubs and authorities as NetworkX's `hits(G, max_iter=100, tol=1e-8, normalized=True)`:
    /// the authorities are the leading eigenvector of AᵀA (the leading right singular vector of
    /// the adjacency matrix A, which NetworkX gets from ARPACK through `scipy.sparse.linalg.svds`),
    /// the hubs are A·a; with `normalized` each vector is scaled to sum 1, without it to maximum 1.
    /// Weighted: the edge weights are the entries of A (NetworkX's `hits` always reads `weight`).
    /// An undirected edge counts both ways, a self-loop once.
    ///
    /// Method: Lanczos iteration on AᵀA with full reorthogonalisation, restarted from its best
    /// Ritz vector (`maxIterations` restarts at most, as ARPACK's `maxiter`), from the uniform
    /// vector, until the residual ‖AᵀA·a − θa‖ is at most `tolerance`·θ. Where plain power
    /// iteration needs thousands of steps (two nearly equal leading singular values) this
    /// converges in a few restarts. When the leading singular value is shared (a bipartite
    /// graph, two identical components, a directed cycle) the answer is not unique and nx.hits's
    /// is arbitrary (ARPACK's vector of that space, divided by its sum, which may be near zero);
    /// starting from uniform hubs, as NetworkX's power iteration (`_hits_python`) does, gives
    /// the start's projection on that space, where that iteration ends. A graph without edges has no scores
    /// (NetworkX divides by zero): that is an error.
    /// References: Kleinberg (1999), "Authoritative sources in a hyperlinked environment";
    /// Golub and Van Loan, "Matrix Computations", §10.1 (Lanczos), §8.5 (Jacobi).
    ///
    /// - Parameters:
    ///   - weighted: use edge weights as the entries of A.
    ///   - tolerance: NetworkX's `tol`: the relative residual at which the iteration stops.
    ///   - maxIterations: the most Lanczos restarts (NetworkX's `max_iter`).
    ///   - normalized: scale each vector to sum 1 (NetworkX's `normalized`), else to maximum 1.
    /// - Returns: hubs and authorities of every node (empty for an empty graph).
    /// - Throws: ``PowerIterationError`` when the graph has no edges, or when the iteration has
    ///   not converged after `maxIterations` restarts.
    /// - Complexity: O(k·(n + m) + k²·n) time per restart with k ≤ 64 Lanczos vectors (16 above
    ///   200,000 nodes), O(k·n) memory.
    public func hits(weighted: Bool = false, tolerance: Double = 1e-8, maxIterations: Int = 100,
                     normalized: Bool = true) throws(PowerIterationError) -> HITSScores {
        let n = nodeCount
        guard n > 0 else { return HITSScores(hubs: [], authorities: []) }
        let useWeights = weighted && isWeighted
        let into = isDirected ? incoming : outgoing
        // y = A x with the out-lists (hubs from authorities), z = Aᵀ y with the in-lists
        // (authorities from hubs).
        func multiply(_ adjacency: Adjacency, _ x: [Double], into y: inout [Double]) {
            adjacency.withUnsafeBuffers { off, nb, _, w in
                for u in 0 ..< n {
                    var s = 0.0
                    for slot in off[u] ..< off[u + 1] { s += x[Int(nb[slot])] * (useWeights ? w[slot] : 1) }
                    y[u] = s
                }
            }
        }
        func timesA(_ x: [Double], into y: inout [Double]) { multiply(outgoing, x, into: &y) }
        func timesAT(_ y: [Double], into z: inout [Double]) { multiply(into, y, into: &z) }
        var scratch = [Double](repeating: 0, count: n)
        func apply(_ x: [Double]) -> [Double] {
            var z = [Double](repeating: 0, count: n)
            timesA(x, into: &scratch)
            timesAT(scratch, into: &z)
            return z
        }
        func dot(_ a: [Double], _ b: [Double]) -> Double {
            var s = 0.0
            for i in 0 ..< n { s += a[i] * b[i] }
            return s
        }
        let dimension = Swift.min(n, n <= 200_000 ? 64 : 16)
        // Start as NetworkX's power iteration does, from uniform hubs: authorities Aᵀ·1. Where the
        // leading singular value is shared, where the iteration ends depends on this start.
        var x = [Double](repeating: 0, count: n)
        timesAT([Double](repeating: 1, count: n), into: &x)
        let startNorm = dot(x, x).squareRoot()
        guard startNorm > 0 else { throw PowerIterationError(measure: "HITS", iterations: 0, reason: "the graph has no edges") }
        for i in 0 ..< n { x[i] /= startNorm }
        var converged = false
        for _ in 0 ..< Swift.max(1, maxIterations) {
            var basis: [[Double]] = [x]
            var alpha: [Double] = [], beta: [Double] = []
            var scale = 0.0
            for j in 0 ..< dimension {
                var w = apply(basis[j])
                let a = dot(w, basis[j])
                alpha.append(a)
                scale = Swift.max(scale, abs(a))
                // Full reorthogonalisation, twice ("twice is enough"): the basis stays orthonormal.
                for _ in 0 ..< 2 {
                    for v in basis {
                        let c = dot(w, v)
                        for i in 0 ..< n { w[i] -= c * v[i] }
                    }
                }
                let b = dot(w, w).squareRoot()
                if j == dimension - 1 || b <= 1e-13 * Swift.max(scale, 1e-300) { break }
                beta.append(b)
                basis.append(w.map { $0 / b })
            }
            let (theta, s) = Self.largestEigenpair(diagonal: alpha, offDiagonal: beta)
            var y = [Double](repeating: 0, count: n)
            for (k, v) in basis.enumerated() where s[k] != 0 {
                for i in 0 ..< n { y[i] += s[k] * v[i] }
            }
            let norm = dot(y, y).squareRoot()
            guard norm > 0, theta > 0 else {
                throw PowerIterationError(measure: "HITS", iterations: 0, reason: "the graph has no edges")
            }
            for i in 0 ..< n { y[i] /= norm }
            let my = apply(y)
            var residual = 0.0
            for i in 0 ..< n { residual += (my[i] - theta * y[i]) * (my[i] - theta * y[i]) }
            x = y
            if residual.squareRoot() <= tolerance * theta || basis.count == n {
                converged = true
                break
            }
        }
        guard converged else { throw PowerIterationError(measure: "HITS", iterations: maxIterations) }
        // The eigenvector's sign is arbitrary: make it point into the positive orthant.
        if x.reduce(0, +) < 0 { for i in 0 ..< n { x[i] = -x[i] } }
        var a = x.map { abs($0) < 1e-300 ? 0 : $0 }
        var h = [Double](repeating: 0, count: n)
        timesA(a, into: &h)
        let sa = normalized ? a.reduce(0, +) : (a.max() ?? 0)
        let sh = normalized ? h.reduce(0, +) : (h.max() ?? 0)
        guard sa > 0, sh > 0 else {
            throw PowerIterationError(measure: "HITS", iterations: 0, reason: "the graph has no edges")
        }
        for i in 0 ..< n { a[i] /= sa; h[i] /= sh }
        return HITSScores(hubs: h, authorities: a)
    }

    /// The largest eigenvalue of the symmetric tridiagonal matrix with `diagonal` and
    /// `offDiagonal` (one shorter), and a unit eigenvector, by cyclic Jacobi rotations; when
    /// the eigenvalue is shared, the first unit vector's projection on its eigenspace.
    static func largestEigenpair(diagonal: [Double], offDiagonal: [Double]) -> (Double, [Double]) {
        let m = diagonal.count
        var t = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        for i in 0 ..< m { t[i][i] = diagonal[i] }
        for i in 0 ..< offDiagonal.count where i + 1 < m { t[i][i + 1] = offDiagonal[i]; t[i + 1][i] = offDiagonal[i] }
        var v = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        for i in 0 ..< m { v[i][i] = 1 }
        for _ in 0 ..< 100 {
            var off = 0.0, total = 0.0
            for i in 0 ..< m {
                for j in 0 ..< m {
                    total += t[i][j] * t[i][j]
                    if i != j { off += t[i][j] * t[i][j] }
                }
            }
            if off <= 1e-30 * total || off == 0 { break }
            for p in 0 ..< m {
                for q in p + 1 ..< m where t[p][q] != 0 {
                    let theta = (t[q][q] - t[p][p]) / (2 * t[p][q])
                    let sign: Double = theta >= 0 ? 1 : -1
                    let tan = sign / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (tan * tan + 1).squareRoot(), s = tan * c
                    for k in 0 ..< m {
                        let kp = t[k][p], kq = t[k][q]
                        t[k][p] = c * kp - s * kq
                        t[k][q] = s * kp + c * kq
                    }
                    for k in 0 ..< m {
                        let pk = t[p][k], qk = t[q][k]
                        t[p][k] = c * pk - s * qk
                        t[q][k] = s * pk + c * qk
                    }
                    for k in 0 ..< m {
                        let kp = v[k][p], kq = v[k][q]
                        v[k][p] = c * kp - s * kq
                        v[k][q] = s * kp + c * kq
                    }
                }
            }
        }
        var best = 0
        for i in 1 ..< Swift.max(m, 1) where t[i][i] > t[best][best] { best = i }
        let top = t[best][best]
        // A shared largest eigenvalue (within 1e-9, relative): the projection of the first basis
        // vector (the start) on its eigenspace, so that the answer does not depend on which
        // vector of that space the rotations happened to produce.
        let shared = (0 ..< m).filter { top - t[$0][$0] <= 1e-9 * abs(top) }
        guard shared.count > 1 else { return (top, (0 ..< m).map { v[$0][best] }) }
        var y = [Double](repeating: 0, count: m)
        for k in shared {
            let c = v[0][k]
            for i in 0 ..< m { y[i] += c * v[i][k] }
        }
        let norm = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return (top, (0 ..< m).map { v[$0][best] }) }
        return (top, y.map { $0 / norm })
    }
}
