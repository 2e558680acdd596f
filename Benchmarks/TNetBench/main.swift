// tnet-bench: times tnet's kernels in-process on the benchmark graphs, the same steps the peer
// script (Benchmarks/peers.py) times in the peer libraries. Release build only (`make bench`).
//
//   tnet-bench --graphs DIR --sizes small,medium --steps load,pagerank --threads 1,2 [--out FILE]
//
// Prints one JSON record per (size, step, threads) on standard output (or into FILE):
// {"lib": "tnet", "threads", "size", "step", "seconds", "runs", "check"}. Seconds are the best of
// 3 runs when a run takes under 10 s, else of one run. Load = read the file, parse, build the CSR
// graph (weighted, undirected), as the peers' load is read + parse + build.
import Foundation
import TNetGraph
import TNetIO

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Runs `body` once, and twice more when that took under 10 s; the best time and the last result.
func timed<T>(_ body: () throws -> T) rethrows -> (seconds: Double, runs: Int, result: T) {
    var best = Double.infinity, runs = 0
    var result: T
    repeat {
        let start = now()
        result = try body()
        best = min(best, now() - start)
        runs += 1
    } while runs < 3 && best < 10
    return (best, runs, result)
}

var arguments = [String: String]()
var i = 1
let argv = CommandLine.arguments
while i + 1 < argv.count {
    arguments[String(argv[i].drop { $0 == "-" })] = argv[i + 1]
    i += 2
}
let graphs = arguments["graphs"] ?? "Benchmarks/graphs"
let sizes = (arguments["sizes"] ?? "small").split(separator: ",").map(String.init)
let steps = (arguments["steps"] ?? "load,components,pagerank,dijkstra,kcore").split(separator: ",").map(String.init)
let threadCounts = (arguments["threads"] ?? "1").split(separator: ",").compactMap { Int($0) }

var records: [String] = []
@MainActor func record(_ size: String, _ step: String, _ threads: Int, _ t: (seconds: Double, runs: Int), check: String) {
    let line = "{\"lib\": \"tnet\", \"threads\": \(threads), \"size\": \"\(size)\", \"step\": \"\(step)\", \"seconds\": \(t.seconds), \"runs\": \(t.runs), \"check\": \"\(check)\"}"
    records.append(line)
    if isatty(2) != 0 { FileHandle.standardError.write(Data("tnet \(size) \(step) \(threads) thr: \(String(format: "%.4f", t.seconds)) s  [\(check)]\n".utf8)) }
}

for size in sizes {
    let path = "\(graphs)/\(size).el"
    var g: Graph!, source: NodeIndex = 0, ids: [String] = []
    for threads in threadCounts {
        // Reading the file's bytes is outside the parallel part; it is timed with it.
        let loaded = try timed { try EdgeListGraphReader.read(InputFile.read(path), weighted: true, threads: threads) }
        g = loaded.result.graph
        source = loaded.result.ids.firstIndex(of: "0").map { NodeIndex($0) } ?? 0
        ids = loaded.result.ids
        for step in steps {
            switch step {
            case "load":
                record(size, step, threads, (loaded.seconds, loaded.runs), check: "\(g.nodeCount) nodes \(g.edgeCount) edges")
            case "components":
                let t = timed { g.connectedComponents() }
                // + isolated nodes absent from the file, as the published counts include them.
                record(size, step, threads, (t.seconds, t.runs), check: "\(t.result.count) components in the file's nodes")
            case "pagerank":
                // The peers stop at L1 change < 1e-6: NetworkX's rule n·tol with tol = 1e-6 / n.
                let options = PageRankOptions(tolerance: 1e-6 / Double(g.nodeCount), maxIterations: 1000)
                let t = try timed { try g.pageRank(options, threads: threads) }
                record(size, step, threads, (t.seconds, t.runs), check: "max \(t.result.max()!)")
            case "dijkstra":
                // Distances from one source (the tree keeps one parent per node as well).
                let t = timed { g.shortestPathTree(from: source, options: PathSearchOptions(weighted: true)) }
                let reached = t.result.distance.filter { $0 < .infinity }
                record(size, step, threads, (t.seconds, t.runs), check: "\(reached.count) reached")
            case "maxflow":
                // Node "0" to node "1", weights as capacities (as the peers).
                let sink = ids.firstIndex(of: "1").map { NodeIndex($0) } ?? 1
                let t = timed { g.maximumFlow(from: [source], to: [sink], weighted: true).value }
                record(size, step, threads, (t.seconds, t.runs), check: "flow=\(t.result)")
            case "louvain", "leiden":
                // Weighted, resolution 1, as the peers (igraph's multilevel, NetworKit's PLM).
                let options = LouvainOptions(weighted: true, seed: 1)
                let t = timed { step == "louvain" ? g.louvain(options) : g.leiden(options) }
                record(size, step, threads, (t.seconds, t.runs), check: "Q=\(t.result.modularity) k=\(t.result.count)")
            case "kcore":
                let t = timed { g.coreNumbers(threads: threads)! }
                record(size, step, threads, (t.seconds, t.runs), check: "sum \(t.result.reduce(0, +)), max \(t.result.max()!)")
            case "betweenness":
                let t = timed { g.betweennessCentrality(BetweennessOptions(), threads: threads) }
                record(size, step, threads, (t.seconds, t.runs), check: "node 0: \(t.result[Int(source)])")
            case "closeness":
                let t = timed { g.closenessCentrality(threads: threads) }
                record(size, step, threads, (t.seconds, t.runs), check: "node 0: \(t.result[Int(source)])")
            case "approx-betweenness":
                let t = timed { g.approximateBetweenness(ApproximateBetweennessOptions(epsilon: 0.01, delta: 0.1, seed: 1), threads: threads) }
                record(size, step, threads, (t.seconds, t.runs), check: "\(t.result.samples) samples, node 0: \(t.result.values[Int(source)])")
            default:
                FileHandle.standardError.write(Data("tnet-bench: unknown step \(step)\n".utf8))
                exit(2)
            }
        }
    }
}
let text = "[\n" + records.joined(separator: ",\n") + "\n]\n"
if let out = arguments["out"] { try text.write(toFile: out, atomically: true, encoding: .utf8) } else { print(text, terminator: "") }
