// Coverage-guided fuzzing of tnet's readers with libFuzzer (`make fuzz`). Built with
// `-sanitize=fuzzer,address`, main hands over to libFuzzer's driver, which calls the entry
// point below with mutated inputs; TNET_FUZZ_READER picks the reader (json, csv, graphml, dot,
// edgelist, edgelist-graph, ftm). A reader may refuse an input with an error, never crash, hang or
// read out of bounds. `graphml-chunks` compares the chunked GraphML reader, in chunks of 64
// bytes, with the streamed one: where the chunks take a document, they must read what libxml2
// reads. In an ordinary build this is a small program that replays files.
import Foundation
import TNetIO
import TNetModel

/// The reader under test, from TNET_FUZZ_READER.
enum FuzzReader: String, CaseIterable {
    case json, csv, graphml, dot, edgelist, ftm
    case edgelistGraph = "edgelist-graph"
    case graphmlChunks = "graphml-chunks"

    static let current: FuzzReader = {
        let name = ProcessInfo.processInfo.environment["TNET_FUZZ_READER"] ?? "json"
        guard let r = FuzzReader(rawValue: name) else {
            FileHandle.standardError.write(Data("tnet-fuzz: unknown TNET_FUZZ_READER \(name); one of \(allCases.map(\.rawValue))\n".utf8))
            exit(2)
        }
        return r
    }()

    /// Reads `bytes` with this reader; errors are the expected outcome for most inputs. What is
    /// read is then validated and projected, as every command does.
    func run(_ bytes: [UInt8]) {
        let input = InputFile(name: "fuzz", bytes: bytes)
        do {
            let dataset: Dataset
            switch self {
            case .json: dataset = try NativeJSONReader.read(input).dataset
            case .csv: dataset = try CSVDatasetReader.read(table: input).dataset
            case .graphml: dataset = try GraphMLReader.read(input).dataset
            case .dot: dataset = try DOTDatasetReader.read(input).dataset
            case .edgelist: dataset = try EdgeListReader.read(input).dataset
            case .ftm:
                // What is read is written back too: the writer must take any dataset the reader makes.
                dataset = try FtMReader.read(input).dataset
                _ = FtMWriter.write(dataset)
            case .edgelistGraph:
                _ = try EdgeListGraphReader.read(input, weighted: true, threads: 1)
                return
            case .graphmlChunks:
                compareGraphMLChunks(input)
                return
            }
            _ = dataset.validate()
            _ = dataset.graph(ProjectionOptions(weighted: true))
        } catch {
            _ = String(describing: error)
        }
    }
}

/// Stops the process when the chunked GraphML reader takes `input` and reads something else than
/// the streamed reader (or takes what the streamed reader refuses).
func compareGraphMLChunks(_ input: InputFile) {
    let stream = try? GraphMLReader.read(input)
    guard let chunks = input.bytes.withUnsafeBufferPointer({ GraphMLReader.Chunks.read(unchecked: $0, chunkBytes: 64) }) else { return }
    guard let stream else { fatalError("the chunked GraphML reader took a document libxml2 refuses") }
    let (a, b) = (chunks.dataset, stream.dataset)
    // Swift's `==` takes canonically equal texts as equal: their bytes are compared too.
    func spellings(_ e: Entity) -> [[UInt8]] { [Array(e.id.utf8), Array((e.name ?? "").utf8)] + e.sources.map { Array($0.utf8) } }
    func spellings(_ l: Link) -> [[UInt8]] { [Array(l.source.utf8), Array(l.target.utf8)] + l.sources.map { Array($0.utf8) } }
    let same = chunks.issues == stream.issues && a.entities == b.entities && Array(a.links) == Array(b.links)
        && a.entities.map(spellings) == b.entities.map(spellings) && Array(a.links).map(spellings) == Array(b.links).map(spellings)
        && (0 ..< a.links.count).allSatisfy { a.endpoints(ofLink: $0) == b.endpoints(ofLink: $0) }
        && a.locations == b.locations && a.title == b.title && a.description == b.description && a.sources == b.sources
        && a.directed == b.directed && a.schema == b.schema && a.extra == b.extra
    if !same { fatalError("the chunked GraphML reader differs from the streamed one") }
}

/// libFuzzer's entry point: one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzReader.current.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@main
struct FuzzMain {
    typealias Driver = @convention(c) (UnsafeMutablePointer<CInt>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                                       @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

    /// Built with libFuzzer (`make fuzz`), hands the command line to its driver; otherwise
    /// replays the files given, so that a crash `make fuzz` saved can be run in a debugger.
    static func main() {
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "LLVMFuzzerRunDriver") {
            let driver = unsafeBitCast(symbol, to: Driver.self)
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(driver(&argc, &argv, { data, size in fuzzOneInput(data, size) }))
        }
        let files = CommandLine.arguments.dropFirst()
        if files.isEmpty {
            print("tnet-fuzz: build and run it with `make fuzz` (libFuzzer); here it replays files: tnet-fuzz FILE…  (TNET_FUZZ_READER=\(FuzzReader.allCases.map(\.rawValue).joined(separator: "|")))")
            return
        }
        for f in files {
            guard let d = FileManager.default.contents(atPath: f) else { continue }
            FuzzReader.current.run([UInt8](d))
        }
    }
}
