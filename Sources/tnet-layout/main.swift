// tnet-layout: one Graphviz layout in a process of its own, for `tnet` (IsolatedLayout). Not for
// users. It reads DOT on standard input, writes the drawing on standard output, and says what
// went wrong on standard error the way tnet does (`tnet: error: …`, `tnet: warning: graphviz: …`).
//
// Why a separate, small program: a crash or a runaway layout must not take tnet down, and
// Graphviz 2.42 orders clustered dot and fdp layouts partly by memory address, so they come out
// the same only in a process with nothing else in it. This one links neither Foundation nor
// tnet's allocator (mimalloc), so it starts in a few milliseconds and places Graphviz's objects
// as the Graphviz command does: its drawings are the command's, byte for byte.
//
//     tnet-layout --engine E --format F [--parent PID]
import TNetGraphviz
#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never {
    let line = "tnet: error: " + message + "\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(1)
}

var engine = "dot", format = "svg"
var parent: pid_t?
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    guard let value = arguments.popFirst() else { fail("tnet-layout: \(name) needs a value") }
    switch name {
    case "--engine": engine = value
    case "--format": format = value
    case "--parent": parent = pid_t(value)
    default: fail("tnet-layout: unknown option \(name)")
    }
}

// Descriptors the caller had open and did not mark close-on-exec are not this program's
// business (a pipe end held here would keep the caller's reader from seeing its end).
closefrom(3)

// A crash here is expected now and then (that is why this runs apart): leave no core file.
var none = rlimit(rlim_cur: 0, rlim_max: 0)
setrlimit(Int32(RLIMIT_CORE.rawValue), &none)

/// If tnet dies (killed hard, so it could not stop this), this stops too: nobody waits for the
/// layout. A thread of its own, outside the main actor's top-level code.
enum Watchdog {
    nonisolated(unsafe) static var parent: pid_t = 0
    static func start(_ pid: pid_t) {
        parent = pid
        var thread = pthread_t()
        pthread_create(&thread, nil, { _ in
            while getppid() == Watchdog.parent { usleep(200_000) }
            _exit(1)
        }, nil)
    }
}
Watchdog.start(parent ?? getppid())

var input: [UInt8] = []
var chunk = [UInt8](repeating: 0, count: 1 << 16)
while true {
    let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
    if n < 0 { if errno == EINTR { continue }; fail("cannot read the DOT: \(String(cString: strerror(errno)))") }
    if n == 0 { break }
    input.append(contentsOf: chunk[0 ..< n])
}

do {
    let result = try GraphvizRenderer.shared.renderReporting(dot: String(decoding: input, as: UTF8.self), engine: engine, format: format)
    for w in result.warnings {
        let line = "tnet: warning: graphviz: " + w + "\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }
    var written = 0
    while written < result.bytes.count {
        let n = result.bytes.withUnsafeBytes { write(1, $0.baseAddress! + written, result.bytes.count - written) }
        if n < 0 { if errno == EINTR { continue }; fail("cannot hand back the drawing: \(String(cString: strerror(errno)))") }
        written += n
    }
} catch {
    fail("\(error)")
}
