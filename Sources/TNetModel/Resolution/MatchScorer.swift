import Foundation

/// One piece of evidence about whether two records are one entity, in words, with its weight
/// (log-odds: positive for, negative against).
public struct MatchEvidence: Sendable, Hashable {
    /// What was compared and found, e.g. `passport P1234567 in both`.
    public var text: String
    /// Its weight in log-odds: above 0 for the same entity, below 0 against.
    public var weight: Double
}

/// The scorer's verdict on a pair of records.
public struct MatchScore: Sendable {
    /// The chance, in 0 … 1, that the two records are one entity (a logistic function of the
    /// evidence's summed weights).
    public var probability: Double
    /// The best similarity between their names and aliases (``NameSimilarity``).
    public var nameSimilarity: Double
    /// Whether a strong identifier (``IdentifierKind/isStrong``) is the same in both.
    public var sharesStrongIdentifier: Bool
    /// The evidence, for and against, most weighty first.
    public var evidence: [MatchEvidence]
}

/// Scores a pair of records as a sum of evidence weights in log-odds (Fellegi and Sunter 1969
/// in spirit; the weights are set by hand, listed here, and the benchmark in
/// `Benchmarks/entity-resolution/` measures them):
///
/// | evidence | weight |
/// |---|---|
/// | before any evidence (``prior``) | −1 |
/// | name similarity *s* (best pair of name or alias forms; ``nameWeight(_:)``) | +4 at 0.98 and above, +3 at 0.92, +1.5 at 0.86, 0 at 0.8, 14 (*s* − 0.8) below; 0 when one side has no name, only an id that is a label (``ResolutionRecord/isLabel(_:)``) |
/// | that name shared by *k* > 2 records of the inputs (term frequency) | −0.8 ln (*k* / 2) |
/// | a passport, id or registration number in both / a wallet or e-mail in both | +7 / +4 |
/// | both have a strong identifier of one kind, none shared | −3 |
/// | a phone in both | +2.5 (none shared: −0.5) |
/// | same date of birth or incorporation / same year and month / same year | +2 / +1.2 / +0.6 |
/// | years one apart / further apart | −0.5 / −4 |
/// | same country / different countries | +0.4 / −0.7 |
/// | a neighbour in common (resolved already, or the same id) | +0.8 each, at most +2.4 |
///
/// A person and an organisation, or a place and anything else, are never one entity
/// (probability 0).
public struct MatchScorer: Sendable {
    /// How many records share each name signature (``NameForm/signature``), for the
    /// term-frequency weight.
    public var nameFrequency: [String: Int] = [:]

    /// A scorer without term frequencies.
    public init() {}

    /// A scorer whose name weights know how common each name is among `records`.
    /// - Parameter records: Every record the pairs will come from.
    public init(records: [ResolutionRecord]) {
        for r in records {
            for s in Set(r.forms.map(\.signature)) { nameFrequency[s, default: 0] += 1 }
        }
    }


    /// The first identifier of a kind `kind` accepts that `a` and `b` share (kind and value, as
    /// compared), when they may be one entity by their categories; nil when none.
    /// `sharedIdentifier(a, b, \.isStrong)`: a strong one; `\.isDocument`: a document.
    public static func sharedIdentifier(_ a: ResolutionRecord, _ b: ResolutionRecord,
                                        _ kind: (IdentifierKind) -> Bool) -> (kind: IdentifierKind, value: String)? {
        guard compatible(a.category, b.category) else { return nil }
        return a.identifiers.first { x in kind(x.kind) && b.identifiers.contains { $0 == x } }
    }

    /// Whether two categories may be one entity.
    public static func compatible(_ a: ResolutionRecord.Category, _ b: ResolutionRecord.Category) -> Bool {
        a == b || a == .other || b == .other
    }

    /// The score of `a` and `b`.
    /// - Parameters:
    ///   - a: One record.
    ///   - b: The other.
    ///   - commonNeighbours: How many neighbours the two share (0 when unknown).
    public func score(_ a: ResolutionRecord, _ b: ResolutionRecord, commonNeighbours: Int = 0) -> MatchScore {
        score(a, b, commonNeighbours: commonNeighbours, explain: true)
    }

    /// The probability alone, without building the evidence's words (the candidate search's
    /// hot path).
    public func probability(_ a: ResolutionRecord, _ b: ResolutionRecord, commonNeighbours: Int = 0) -> Double {
        score(a, b, commonNeighbours: commonNeighbours, explain: false).probability
    }

    /// The score of `a` and `b` when its probability is at least `minimum`, else nil: the
    /// candidate search's hot path. Identical to ``score(_:_:commonNeighbours:)`` for the pairs
    /// it keeps, but cheaper for the rest:
    /// - the evidence other than the names is summed first; when even the best name weight
    ///   (+4) cannot lift the pair to `minimum`, the names are not compared at all;
    /// - else the name weight the pair needs gives the least similarity worth computing
    ///   exactly (``similarityFloor(forWeight:)``), and ``NameSimilarity`` skips what cannot
    ///   reach it;
    /// - the names are compared once, not once for the probability and again for the words.
    ///
    /// Exact, not a heuristic: the common-name weight is never positive, so a kept pair has
    /// prior + name weight + the rest ≥ logit(`minimum`); the bounds keep a margin of 1e-9
    /// (log-odds and similarity) against rounding, far above the sums' rounding (about 1e-14).
    /// The final test is in probability, whose steps near 1 (about 1.1e-16) are about
    /// 1.1e-16 / (1 − p) in log-odds: past `minimum` = 1 − 1e-6 that would exceed the margin,
    /// so there no bound is used and every pair is scored in full (a review found pairs at
    /// exactly such a minimum dropped).
    public func score(_ a: ResolutionRecord, _ b: ResolutionRecord, commonNeighbours: Int = 0, atLeast minimum: Double) -> MatchScore? {
        guard Self.compatible(a.category, b.category) else { return minimum <= 0 ? score(a, b, commonNeighbours: commonNeighbours) : nil }
        var floor = -Double.infinity
        if minimum > 0 && minimum <= 1 - 1e-6 {
            var rest = 0.0
            otherEvidence(a, b, commonNeighbours: commonNeighbours) { weight, _ in rest += weight }
            let need = log(minimum / (1 - minimum)) - Self.prior - rest
            // Without a name on one side the name weighs exactly 0.
            if need > (Self.comparesNames(a, b) ? Self.nameWeight(1) : 0) + Self.margin { return nil }
            floor = Self.similarityFloor(forWeight: need - Self.margin)
        }
        let names = bestNames(a, b, floor: floor)
        guard score(a, b, commonNeighbours: commonNeighbours, explain: false, names: names).probability >= minimum else { return nil }
        return score(a, b, commonNeighbours: commonNeighbours, explain: true, names: names)
    }

    /// The margin the bounds of ``score(_:_:commonNeighbours:atLeast:)`` keep against rounding.
    static let margin = 1e-9

    /// The least name similarity whose weight (``nameWeight(_:)``) can be `w`, less the margin:
    /// a similarity below it weighs less than `w`. The inverse of the weight, piece by piece
    /// (it is continuous and increasing up to 0.98).
    static func similarityFloor(forWeight w: Double) -> Double {
        let s: Double
        if w > 3 { s = 0.92 + (w - 3) * 0.06 } else if w > 1.5 { s = 0.86 + (w - 1.5) * 0.06 / 1.5 } else if w > 0 {
            s = 0.8 + w * 0.06 / 1.5
        } else { s = 0.8 + w / 14 }
        return s - margin
    }

    /// Whether both records have a name to compare (a form that is not a label).
    static func comparesNames(_ a: ResolutionRecord, _ b: ResolutionRecord) -> Bool {
        !a.nameForms.isEmpty && !b.nameForms.isEmpty
    }

    /// The best pair of name forms of `a` and `b` (the first of equals), and its similarity;
    /// form pairs that cannot reach `floor` are not compared exactly (a best below `floor`
    /// is then not the true one, only below it too). Labels are not compared
    /// (``ResolutionRecord/nameForms``).
    func bestNames(_ a: ResolutionRecord, _ b: ResolutionRecord, floor: Double) -> (similarity: Double, pair: (Int, Int)) {
        // Indices, not the forms: a form is six arrays, and a copy retains each.
        var best = 0.0, bestPair = (a.nameForms.startIndex, b.nameForms.startIndex)
        for i in a.nameForms.indices {
            for j in b.nameForms.indices {
                let s = NameSimilarity.score(a.forms[i], b.forms[j], floor: Swift.max(floor, best))
                if s > best { best = s; bestPair = (i, j) }
            }
        }
        return (best, bestPair)
    }

    func score(_ a: ResolutionRecord, _ b: ResolutionRecord, commonNeighbours: Int, explain: Bool) -> MatchScore {
        guard Self.compatible(a.category, b.category) else {
            return MatchScore(probability: 0, nameSimilarity: 0, sharesStrongIdentifier: false,
                              evidence: explain ? [MatchEvidence(text: "a \(a.kind) and a \(b.kind) are never one entity", weight: -.infinity)] : [])
        }
        return score(a, b, commonNeighbours: commonNeighbours, explain: explain, names: bestNames(a, b, floor: -.infinity))
    }

    func score(_ a: ResolutionRecord, _ b: ResolutionRecord, commonNeighbours: Int, explain: Bool,
               names: (similarity: Double, pair: (Int, Int))) -> MatchScore {
        var evidence: [MatchEvidence] = []
        var total = Self.prior
        func add(_ weight: Double, _ text: @autoclosure () -> String) {
            total += weight
            if explain { evidence.append(MatchEvidence(text: text(), weight: weight)) }
        }
        // Names: the best pair of forms; none where one side has only a label for an id.
        let (best, bestPair) = names
        if Self.comparesNames(a, b) {
            add(Self.nameWeight(best), "names \"\(a.forms[bestPair.0].tokens.joined(separator: " "))\" and \"\(b.forms[bestPair.1].tokens.joined(separator: " "))\" \(Int((best * 100).rounded()))% alike")
        } else {
            add(0, "no name to compare (\(a.nameForms.isEmpty ? "the first" : "the second") has only an id)")
        }
        if best >= 0.86 && !nameFrequency.isEmpty {
            let k = max(nameFrequency[a.forms[bestPair.0].signature] ?? 1, nameFrequency[b.forms[bestPair.1].signature] ?? 1)
            if k > 2 { add(-0.8 * log(Double(k) / 2), "the name is shared by \(k) records") }
        }
        let strongShared = otherEvidence(a, b, commonNeighbours: commonNeighbours) { weight, text in add(weight, text()) }
        evidence.sort { abs($0.weight) > abs($1.weight) }
        return MatchScore(probability: 1 / (1 + exp(-total)), nameSimilarity: best,
                          sharesStrongIdentifier: strongShared, evidence: evidence)
    }

    /// The evidence other than the names, in order, given to `add`; whether a strong
    /// identifier is shared.
    @discardableResult
    func otherEvidence(_ a: ResolutionRecord, _ b: ResolutionRecord, commonNeighbours: Int,
                       _ add: (Double, @autoclosure () -> String) -> Void) -> Bool {
        // Identifiers.
        var strongShared = false
        if !a.identifiers.isEmpty && !b.identifiers.isEmpty {
            for kind in IdentifierKind.allCases {
                guard a.identifiers.contains(where: { $0.kind == kind }) else { continue }
                var inB = false, shared: String?
                for y in b.identifiers where y.kind == kind {
                    inB = true
                    if shared == nil && a.identifiers.contains(where: { $0.kind == kind && $0.value == y.value }) { shared = y.value }
                }
                guard inB else { continue }
                if let shared {
                    if kind.isStrong { strongShared = true }
                    add(Self.sharedWeight(kind), "\(kind.rawValue) \(shared) in both")
                } else {
                    add(kind.isStrong ? -3 : -0.5,
                        "\(kind.rawValue) differs (\(a.identifiers.first { $0.kind == kind }!.value) / \(b.identifiers.first { $0.kind == kind }!.value))")
                }
            }
        }
        // Dates.
        if let da = a.date, let db = b.date {
            let gap = abs(da.year - db.year)
            if gap == 0 {
                if let ma = da.month, let mb = db.month, ma == mb {
                    if let xa = da.day, let xb = db.day, xa == xb {
                        add(2, "same date \(Self.text(da))")
                    } else if da.day != nil && db.day != nil {
                        add(-0.5, "same month, different day (\(Self.text(da)) / \(Self.text(db)))")
                    } else {
                        add(1.2, "same year and month \(da.year)-\(ma)")
                    }
                } else if da.month != nil && db.month != nil {
                    add(-0.3, "same year, different month (\(Self.text(da)) / \(Self.text(db)))")
                } else {
                    add(0.6, "same year \(da.year)")
                }
            } else {
                add(gap == 1 ? -0.5 : -4, "dates \(gap) year\(gap == 1 ? "" : "s") apart (\(Self.text(da)) / \(Self.text(db)))")
            }
        }
        // Countries.
        if let ca = a.country, let cb = b.country {
            if ca == cb { add(0.4, "same country \(ca)") } else { add(-0.7, "countries differ (\(ca) / \(cb))") }
        }
        if commonNeighbours > 0 {
            add(min(2.4, 0.8 * Double(commonNeighbours)), "\(commonNeighbours) neighbour\(commonNeighbours == 1 ? "" : "s") in common")
        }
        return strongShared
    }

    /// The log-odds before any evidence: two records a blocking key brought together are more
    /// often two entities than one.
    public static let prior = -1.0

    /// The weight of a name similarity *s*: steep near the top, where a romanisation or a typo
    /// still lands, and against below 0.8.
    public static func nameWeight(_ s: Double) -> Double {
        if s >= 0.98 { return 4 }
        if s >= 0.92 { return 3 + (s - 0.92) / 0.06 }
        if s >= 0.86 { return 1.5 + 1.5 * (s - 0.86) / 0.06 }
        if s >= 0.8 { return 1.5 * (s - 0.8) / 0.06 }
        return 14 * (s - 0.8)
    }

    /// The weight of an identifier both records have: a passport, id or registration number
    /// is one person's or company's; a wallet or an e-mail address may be an exchange's or an
    /// office's; a phone a call centre's.
    public static func sharedWeight(_ kind: IdentifierKind) -> Double {
        switch kind {
        case .passport, .idNumber, .registration: return 7
        case .wallet, .email: return 4
        case .phone: return 2.5
        }
    }

    static func text(_ d: (year: Int, month: Int?, day: Int?)) -> String {
        var s = String(d.year)
        if let m = d.month { s += "-" + (m < 10 ? "0" : "") + String(m) }
        if let x = d.day { s += "-" + (x < 10 ? "0" : "") + String(x) }
        return s
    }
}
