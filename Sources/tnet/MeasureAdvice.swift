import TraffickingNetworks

/// The advice a centrality measure gives when it does not converge ("choose alpha below …",
/// "raise the iteration limit …") names settings only `tnet centrality` takes: other commands
/// that compute a measure with NetworkX's defaults say where they are (helper-67).
enum MeasureAdvice {
    /// `text`, and when it advises such a setting, which command takes it.
    /// - Parameters:
    ///   - text: a measure's note or error.
    ///   - command: the command that computed it with the defaults.
    ///   - measure: the measure.
    static func elsewhere(_ text: String, command: String, measure: CentralityMeasure) -> String {
        guard text.contains("choose alpha") || text.contains("iteration limit") else { return text }
        return text + " (\(command) uses NetworkX's defaults; tnet centrality --measure \(measure.rawValue) takes --alpha, --max-iter and --tolerance)"
    }
}
