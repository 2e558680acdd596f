import Foundation
import TNetGraphviz
import TNetIO
import TNetModel

/// Why a diagram cannot be made as asked.
public enum DiagramError: Error, Sendable, CustomStringConvertible {
    /// The measure has no single value per entity (per-link or brokerage).
    case notPerEntityMeasure(CentralityMeasure)
    /// A measure for the view or the sizes failed.
    case measureFailed(CentralityMeasure, CentralityError)
    /// A layout attribute failed the allow-list.
    case attributeRefused(problem: String)
    /// An entity to highlight is not in the view.
    case unknownEntity(String)
    /// The route to highlight could not be searched (an unknown end, say).
    case routeFailed(AnalysisError)
    /// No route joins the two entities in the view.
    case noRoute(from: String, to: String)

    /// One line saying what is wrong.
    public var description: String {
        switch self {
        case .notPerEntityMeasure(let m):
            "\(quoted(m.rawValue)): not a per-entity measure; one of: " + DiagramRequest.perEntityMeasures.map(\.rawValue).joined(separator: ", ")
        case .measureFailed(let m, let e): e.description.hasPrefix(m.rawValue + ": ") ? e.description : "\(m.rawValue): \(e)"
        case .attributeRefused(let problem): problem
        case .unknownEntity(let id): "no entity \(quoted(id)) in the view"
        case .routeFailed(let e): e.description
        case .noRoute(let from, let to): "no route from \(quoted(from)) to \(quoted(to)) in the view"
        }
    }
}

/// Something a diagram left out or could not honour, for the caller to tell the user.
public enum DiagramWarning: Sendable, Hashable {
    /// The dataset's own graph attributes that are not on the allow-list, not passed to Graphviz.
    case attributesDropped([String])
    /// No entity has the field or attribute to cluster by.
    case nothingToCluster(String)
}
