/// Cut vertices and cut edges of a graph (see ``Graph/cutStructure()``).
public struct CutStructure: Sendable, Equatable {
    /// Nodes whose removal splits their component (NetworkX's `articulation_points`), ascending.
    public var articulationPoints: [NodeIndex]
    /// Edges whose removal splits their component (NetworkX's `bridges`), each as (smaller,
    /// larger) node index, ascending.
    public var bridges: [(NodeIndex, NodeIndex)]

    /// Whether two results list the same articulation points and bridges, in the same order.
    public static func == (a: CutStructure, b: CutStructure) -> Bool {
        a.articulationPoints == b.articulationPoints && a.bridges.elementsEqual(b.bridges) { $0 == $1 }
    }
}

extension Graph {
    /// Neighbour lists of the undirected view: for a directed graph, out- and in-neighbours
    /// merged, each neighbour once (as NetworkX's `to_undirected`); self-loops left out.
    /// An undirected graph keeps its parallel edges (a doubled edge is no bridge).
    func undirectedView() -> (offsets: [Int], neighbors: [NodeIndex]) {
        let n = nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        var neighbors: [NodeIndex] = []
        neighbors.reserveCapacity(outgoing.neighbors.count + (isDirected ? incoming.neighbors.count : 0))
        for u in 0 ..< n {
            let node = NodeIndex(u)
            if isDirected {
                // Both lists are ascending: merge, dropping repeats.
                let a = outgoing.neighbors(of: node), b = incoming.neighbors(of: node)
                var i = a.startIndex, j = b.startIndex
                var last: NodeIndex = -1
                while i < a.endIndex || j < b.endIndex {
                    let v: NodeIndex
                    if j == b.endIndex || (i < a.endIndex && a[i] <= b[j]) { v = a[i]; i += 1 } else { v = b[j]; j += 1 }
                    if v != last && v != node { neighbors.append(v) }
                    last = v
                }
            } else {
                for v in outgoing.neighbors(of: node) where v != node { neighbors.append(v) }
            }
            offsets[u + 1] = neighbors.count
        }
        return (offsets, neighbors)
    }

    /// Articulation points and bridges of the undirected view (a directed graph is taken as
    /// undirected; NetworkX refuses directed graphs here).
    ///
    /// Hopcroft–Tarjan low-points (J. Hopcroft & R. Tarjan, "Efficient algorithms for graph
    /// manipulation", CACM 16, 1973) by one depth-first search with an explicit stack of frames,
    /// no recursion: `O(n + m)`. The edge to a node's parent is skipped once, so a parallel
    /// copy of it counts as a second route.
    ///
    /// - Returns: the articulation points and the bridges, ascending.
    /// - Complexity: O(n + m) time and memory.
    public func cutStructure() -> CutStructure {
        let n = nodeCount
        let (off, nb) = undirectedView()
        var discovery = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var isCut = [Bool](repeating: false, count: n)
        var bridges: [(NodeIndex, NodeIndex)] = []
        struct Frame { var node: Int; var slot: Int; var parent: Int; var skippedParent: Bool }
        var frames: [Frame] = []
        var time: Int32 = 0
        for root in 0 ..< n where discovery[root] < 0 {
            discovery[root] = time; low[root] = time; time += 1
            frames.append(Frame(node: root, slot: off[root], parent: -1, skippedParent: false))
            var rootChildren = 0
            while !frames.isEmpty {
                let top = frames.count - 1
                let v = frames[top].node
                if frames[top].slot < off[v + 1] {
                    let w = Int(nb[frames[top].slot])
                    frames[top].slot += 1
                    if w == frames[top].parent && !frames[top].skippedParent {
                        frames[top].skippedParent = true
                        continue
                    }
                    if discovery[w] < 0 {
                        discovery[w] = time; low[w] = time; time += 1
                        if v == root { rootChildren += 1 }
                        frames.append(Frame(node: w, slot: off[w], parent: v, skippedParent: false))
                    } else {
                        low[v] = min(low[v], discovery[w])
                    }
                    continue
                }
                frames.removeLast()
                let p = frames.last?.node ?? -1
                guard p >= 0 else { continue }
                low[p] = min(low[p], low[v])
                if low[v] > discovery[p] { bridges.append((NodeIndex(min(p, v)), NodeIndex(max(p, v)))) }
                if p != root && low[v] >= discovery[p] { isCut[p] = true }
            }
            if rootChildren >= 2 { isCut[root] = true }
        }
        bridges.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return CutStructure(articulationPoints: (0 ..< n).filter { isCut[$0] }.map { NodeIndex($0) }, bridges: bridges)
    }
}
