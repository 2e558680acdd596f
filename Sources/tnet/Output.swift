import ArgumentParser
import Foundation
import TraffickingNetworks

extension ResultFormat: ExpressibleByArgument {}

/// `--format`: how every command prints its result.
struct FormatOption: ParsableArguments {
    @Option(help: "Output: table, json or csv.") var format: ResultFormat = .table

    /// Prints `result` in the chosen format on standard output.
    func print(_ result: some PrintableResult) { emitBytes(result.bytes(format)) }
}

/// Writes text to standard output.
func emit(_ text: String) { emitBytes(Array(text.utf8)) }

/// Writes bytes (a rendered PNG, say) to standard output.
func emitBytes(_ bytes: [UInt8]) { FileHandle.standardOutput.write(Data(bytes)) }
