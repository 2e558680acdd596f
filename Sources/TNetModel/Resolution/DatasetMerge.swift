import Synchronization
import TNetGraph

/// How ``DatasetMerge`` decides which records are one entity.
public struct MergeOptions: Sendable {
    /// Pairs sharing a strong identifier (passport, id, registration number, wallet, e-mail)
    /// whose probability is at least this merge without review (default 0.95).
    public var automaticProbability = 0.95
    /// Pairs at or above this probability merge without review even without an identifier
    /// (nil, the default: none; for benchmarks, or an investigator who has checked the
    /// scorer on their data). Named in every summary when set.
    public var acceptProbability: Double?
    /// Undecided pairs at or above this probability go to the review file (default 0.25: a
    /// name that is another's words but one, `Compound managers` and `Compound managers
    /// composite`, scores 0.8 alike, log-odds −1 + 0, p = 0.27, and is worth a look).
    public var reviewProbability = 0.25
    /// Whether records of the same input may be one entity (default true: an NGO's own file
    /// may hold a person twice).
    public var withinInputs = true
    /// The investigator's decisions from earlier reviews; they override the scorer.
    public var judgements: [MergeJudgement] = []
    /// Threads for the candidate search.
    public var threads = 2
    /// Called with the fraction of the candidate search done.
    public var progress: ProgressHandler?

    /// The defaults.
    public init() {}
}

/// A fact two merged records give differently, and what the merge kept.
public struct MergeConflict: Sendable, Hashable {
    /// The merged entity's id (or the link's `source kind target`).
    public var subject: String
    /// The field (`kind`, `role`, `period`, an attribute's name…).
    public var field: String
    /// Each record's value, as `tag:id = value`.
    public var values: [String]
    /// What the merge kept, in words.
    public var kept: String
}

/// A candidate pair left for the investigator: not merged, not judged.
public struct MergeCandidate: Sendable {
    /// One record.
    public var left: RecordReference
    /// The other.
    public var right: RecordReference
    /// Their names (or ids) and kinds, for the reviewer.
    public var leftEntity: Entity, rightEntity: Entity
    /// The scorer's verdict.
    public var score: MatchScore

    /// A pair for review from its parts.
    public init(left: RecordReference, right: RecordReference, leftEntity: Entity, rightEntity: Entity, score: MatchScore) {
        self.left = left
        self.right = right
        self.leftEntity = leftEntity
        self.rightEntity = rightEntity
        self.score = score
    }
}

/// The union of several datasets with their entities resolved: what `tnet merge` writes.
public struct DatasetMerge: Sendable {
    /// The merged dataset.
    public var dataset: Dataset
    /// For every record of every input, the id of the entity it became.
    public var crosswalk: [(record: RecordReference, mergedID: String)]
    /// The pairs merged without review (shared identifier, same id, or `acceptProbability`),
    /// with the reason.
    public var automatic: [(left: RecordReference, right: RecordReference, reason: String)]
    /// The pairs merged because a judgement said `same`.
    public var judgedSame: Int
    /// Judgements that could not be applied (a record no input has, or a `same` that would
    /// join two records judged `different`), in words.
    public var unusedJudgements: [String]
    /// Pairs for review, most likely first.
    public var review: [MergeCandidate]
    /// Every disagreement between merged records, and what was kept.
    public var conflicts: [MergeConflict]
    /// Other things the merge did that a reader must know (sources renamed, links combined).
    public var notes: [String]
    /// Pairs scored by the candidate search.
    public var compared: Int
    /// Every pair the search kept (probability at least the lowest threshold), most likely
    /// first: the scorer's audit trail, and what benchmarks score.
    public var scored: [(left: RecordReference, right: RecordReference, probability: Double)]

    /// Merges `inputs` (each with a tag naming it in references and `merged_from`).
    ///
    /// Records are one entity when a judgement says `same`; when they share a strong
    /// identifier, score at least ``MergeOptions/automaticProbability``, and either the
    /// identifier is a document (``IdentifierKind/isDocument``) or their names are at least
    /// 86 % alike; when they have the
    /// same id in two inputs, categories that agree and names at least 80 % alike; or, when
    /// set, when they score at least ``MergeOptions/acceptProbability``. Groups of records join
    /// by a pair only when the mean probability over all their records' pairs is at least the
    /// threshold (0.5 for identifiers): a chain of likely pairs does not join unlike records. A judgement
    /// `different` is never overridden, also not through a third record. The rest above
    /// ``MergeOptions/reviewProbability`` is listed for review.
    ///
    /// A merged entity keeps the first record's id (in input order), kind, name, grade and
    /// period; every other name becomes an alias (`aliases`), every citation is kept, every
    /// attribute is kept (the first value of a name given two values, the other reported),
    /// `merged_from` lists the records. A person protected in any input stays protected, with
    /// that role. Links are re-pointed; links of the same kind between the same two entities
    /// with the same period and direction become one, citing every source of each. Sources
    /// with the same id and content are one; the same id with other content is renamed
    /// `id~tag` in that input's citations.
    /// - Parameters:
    ///   - inputs: The datasets with their tags (distinct).
    ///   - options: Thresholds, judgements, threads.
    public init(_ inputs: [(tag: String, dataset: Dataset)], options: MergeOptions = MergeOptions()) {
        var records: [ResolutionRecord] = []
        var offset: [Int] = []
        for (k, input) in inputs.enumerated() {
            offset.append(records.count)
            // Built in parallel: folding names (ICU transliteration) is most of it.
            let n = input.dataset.entities.count
            let built = Mutex<[ResolutionRecord?]>(Array(repeating: nil, count: n))
            let chunk = 1024
            forEachChunk((n + chunk - 1) / chunk, threads: options.threads) { c, _ in
                let range = c * chunk ..< min(n, (c + 1) * chunk)
                let part = range.map { ResolutionRecord(input.dataset, entity: $0, input: k) }
                built.withLock { for (i, r) in zip(range, part) { $0[i] = r } }
            }
            records += built.withLock { $0.map { $0! } }
        }
        // Every record's reference, made once (pairs name them by the hundred thousand).
        let references = records.map { r in RecordReference(tag: inputs[r.input].tag, id: inputs[r.input].dataset.entities[r.entity].id) }
        func reference(_ g: Int) -> RecordReference { references[g] }
        func entity(_ g: Int) -> Entity { inputs[records[g].input].dataset.entities[records[g].entity] }
        var global: [RecordReference: Int] = [:]
        for g in records.indices { global[reference(g)] = g }

        // Candidates.
        let scorer = MatchScorer(records: records)
        var search = CandidateSearch()
        search.minimumProbability = min(options.reviewProbability, options.acceptProbability ?? 1, options.automaticProbability)
        search.withinInputs = options.withinInputs
        search.threads = options.threads
        search.keepsSharedIdentifiers = true
        let found = search.run(records, scorer: scorer, progress: options.progress)
        compared = found.compared

        // Decisions, strongest first: judgements, then identifiers and ids, then the threshold.
        var clusters = UnionFind(records.count)
        var apart: [Int: Set<Int>] = [:]        // root → roots judged different
        var unused: [String] = []
        var judged = Set<[Int]>()
        var judgedSame = 0
        func separated(_ a: Int, _ b: Int) -> Bool {
            let ra = clusters.find(a), rb = clusters.find(b)
            return apart[ra]?.contains(rb) == true
        }
        var members: [Int: [Int]] = [:]       // root → its records, when more than one
        // Average linkage: two groups join only when their records are, on the whole, alike
        // (a chain of pairs each above the threshold can join two that are not).
        func cohesive(_ a: Int, _ b: Int, _ minimum: Double) -> Bool {
            let ma = members[clusters.find(a)] ?? [a], mb = members[clusters.find(b)] ?? [b]
            guard ma.count + mb.count > 2 else { return true }
            var total = 0.0
            for x in ma { for y in mb { total += scorer.probability(records[x], records[y]) } }
            return total / Double(ma.count * mb.count) >= minimum
        }
        func join(_ a: Int, _ b: Int) -> Bool {
            let ra = clusters.find(a), rb = clusters.find(b)
            guard ra != rb else { return true }
            guard apart[ra]?.contains(rb) != true else { return false }
            let joined = (members[ra] ?? [ra]) + (members[rb] ?? [rb])
            let root = clusters.union(ra, rb)
            let other = root == ra ? rb : ra
            members[other] = nil
            members[root] = joined
            // The joined cluster is kept apart from everything either part was.
            let merged = (apart[ra] ?? []).union(apart[rb] ?? [])
            apart[other] = nil
            apart[root] = merged.isEmpty ? nil : merged
            for x in merged {
                apart[x]?.remove(other)
                apart[x, default: []].insert(root)
            }
            return true
        }
        // One decision per pair: a pair decided twice the same way counts once; decided two ways,
        // `different` wins over `same` and `unsure`, `unsure` over `same`, and it is said.
        var decided: [[Int]: MergeJudgement] = [:]
        var judgements: [MergeJudgement] = []
        func rank(_ d: MergeJudgement.Decision) -> Int { d == .different ? 2 : d == .unsure ? 1 : 0 }
        for j in options.judgements {
            guard let a = global[j.left], let b = global[j.right] else { judgements.append(j); continue }
            // The row's names must be the records' (empty names are not checked): a row whose
            // cells were moved against its ids would merge the wrong records.
            let named = [(j.leftName, entity(a), j.left), (j.rightName, entity(b), j.right)]
            if let wrong = named.first(where: { name, e, _ in name.map { !$0.isEmpty && $0 != e.label } ?? false }) {
                unused.append("\(j.origin.map { $0 + ": " } ?? "")the row names \(wrong.2) \"\(wrong.0!)\", but it is \"\(wrong.1.label)\": not applied (were the rows sorted column by column?)")
                continue
            }
            let key = [min(a, b), max(a, b)]
            if let earlier = decided[key] {
                if earlier.decision != j.decision {
                    let kept = rank(j.decision) > rank(earlier.decision) ? j : earlier
                    unused.append("\(j.origin.map { $0 + ": " } ?? "")\(j.left) and \(j.right) judged \(j.decision.rawValue), but \(earlier.decision.rawValue) at \(earlier.origin ?? "an earlier row"): \(kept.decision.rawValue) kept")
                    if kept.decision != earlier.decision, let at = judgements.firstIndex(where: { $0 == earlier }) { judgements[at] = j }
                    decided[key] = kept
                }
                continue
            }
            decided[key] = j
            judgements.append(j)
        }
        for j in judgements {
            guard let a = global[j.left], let b = global[j.right] else {
                unused.append("\(j.origin.map { $0 + ": " } ?? "")\(global[j.left] == nil ? j.left : j.right) is in no input")
                continue
            }
            judged.insert([min(a, b), max(a, b)])
            if j.decision == .different {
                let ra = clusters.find(a), rb = clusters.find(b)
                if ra == rb {
                    unused.append("\(j.origin.map { $0 + ": " } ?? "")\(j.left) and \(j.right) judged different, but already one entity through other judgements of the same file")
                    continue
                }
                apart[ra, default: []].insert(rb)
                apart[rb, default: []].insert(ra)
            }
        }
        for j in judgements where j.decision == .same {
            guard let a = global[j.left], let b = global[j.right] else { continue }
            if join(a, b) { judgedSame += 1 } else {
                unused.append("\(j.origin.map { $0 + ": " } ?? "")\(j.left) and \(j.right) judged same, but one of them is judged different from the other's entity: kept apart")
            }
        }
        var automatic: [(RecordReference, RecordReference, String)] = []
        // The same id in two inputs, the same category, names alike.
        var firstByID: [String: Int] = [:]
        for g in records.indices {
            let id = entity(g).id
            guard let f = firstByID[id] else { firstByID[id] = g; continue }
            guard records[f].input != records[g].input, !judged.contains([f, g]),
                  MatchScorer.compatible(records[f].category, records[g].category) else { continue }
            // Names, not labels: two files numbering their records p1, p2, … share ids and
            // nothing else (helper-67); such a pair is scored as any other.
            guard let nf = records[f].nameForms.first, let ng = records[g].nameForms.first else { continue }
            let s = NameSimilarity.score(nf, ng)
            if s >= 0.8 && !separated(f, g) && join(f, g) {
                automatic.append((reference(f), reference(g), "same id, names \(Int((s * 100).rounded()))% alike"))
            }
        }
        // Ties in record order, so that which pair comes first (a star's hub) is fixed.
        let ranked = found.pairs.sorted { ($0.score.probability, $1.a, $1.b) > ($1.score.probability, $0.a, $0.b) }
        scored = ranked.map { (reference($0.a), reference($0.b), $0.score.probability) }
        func sharesDocument(_ a: Int, _ b: Int) -> Bool { MatchScorer.sharedIdentifier(records[a], records[b], \.isDocument) != nil }
        // Which pairs sharing a strong identifier merge at the threshold:
        // - a protected person and anyone else only with names at least 80 % alike, where the
        //   name starts to weigh for the pair ("Wang Lei", "Wang Li": 0.83): a recruiter holds
        //   his recruits' passports (helper-69);
        // - a document (passport, id, registration);
        // - an address (wallet, e-mail) only with names at least 86 % alike and nothing against
        //   the pair: an agency's address in each of its recruits' records had merged 49 victims
        //   into 17 (helper-68), and two recruits of one common name born years apart (helper-69).
        func merges(_ p: CandidatePair) -> Bool {
            if records[p.a].isProtected != records[p.b].isProtected && p.score.nameSimilarity < 0.8 { return false }
            if sharesDocument(p.a, p.b) { return true }
            return p.score.nameSimilarity >= 0.86 && !p.score.evidence.contains { $0.weight < 0 }
        }
        for p in ranked where !judged.contains([p.a, p.b]) && p.score.sharesStrongIdentifier
            && p.score.probability >= options.automaticProbability && merges(p) {
            if cohesive(p.a, p.b, 0.5) && join(p.a, p.b) {
                automatic.append((reference(p.a), reference(p.b), "shared identifier, probability \(Self.percent(p.score.probability))"))
            }
        }
        if let t = options.acceptProbability {
            for p in ranked where !judged.contains([p.a, p.b]) && p.score.probability >= t && clusters.find(p.a) != clusters.find(p.b) {
                if cohesive(p.a, p.b, t) && join(p.a, p.b) {
                    automatic.append((reference(p.a), reference(p.b), "probability \(Self.percent(p.score.probability)) ≥ \(Self.percent(t)) (--accept-above)"))
                }
            }
        }
        var review: [MergeCandidate] = []
        // One pair per two entities-to-be: the likeliest of the records they hold.
        var asked = Set<[Int]>()
        // A pair sharing a strong identifier is listed whatever its probability: one passport
        // under two names far apart is a lead (a forged or borrowed document, an alias), not
        // noise to leave out. Where the names are not alike (below 80 %, where the name weighs
        // against) and the identifier is an address (a wallet, an e-mail), each is listed as a
        // star, every record holding it beside the first: k records, k − 1 rows, not
        // k(k − 1)/2 (helper-68: 49 recruits sharing an agency's e-mail made 1,128 rows). A
        // shared document is listed pair by pair: a reviewer must see every pair of holders.
        var hub: [String: Int] = [:]
        var folded = 0
        for p in ranked where (p.score.probability >= options.reviewProbability || p.score.sharesStrongIdentifier) && !judged.contains([p.a, p.b])
            && clusters.find(p.a) != clusters.find(p.b) && !separated(p.a, p.b) {
            if p.score.nameSimilarity < 0.8, !sharesDocument(p.a, p.b), let shared = MatchScorer.sharedIdentifier(records[p.a], records[p.b], \.isStrong) {
                let key = shared.kind.rawValue + ":" + shared.value
                let first = hub[key] ?? p.a
                hub[key] = first
                guard p.a == first || p.b == first else { folded += 1; continue }
            }
            let ra = clusters.find(p.a), rb = clusters.find(p.b)
            guard asked.insert([min(ra, rb), max(ra, rb)]).inserted else { continue }
            review.append(MergeCandidate(left: reference(p.a), right: reference(p.b), leftEntity: entity(p.a),
                                         rightEntity: entity(p.b), score: p.score))
        }

        // The merged dataset.
        var builder = MergeBuilder(inputs: inputs, records: records, offset: offset)
        for g in records.indices { builder.members[clusters.find(g), default: []].append(g) }
        builder.build()
        dataset = builder.output
        crosswalk = records.indices.map { (reference($0), builder.outputID[$0]) }
        self.automatic = automatic.map { (left: $0.0, right: $0.1, reason: $0.2) }
        self.judgedSame = judgedSame
        unusedJudgements = unused
        self.review = review
        conflicts = builder.conflicts
        var notes = builder.notes
        if folded > 0 {
            notes.append("\(folded) pair\(folded == 1 ? "" : "s") sharing a wallet or an e-mail under names less than 80% alike \(folded == 1 ? "was" : "were") not listed: each such address's records are listed beside its first holder; once those are judged, a run with --judgements lists the pairs among the others")
        }
        let identifierKeys = found.keysSetAside - found.nameKeysSetAside
        if identifierKeys > 0 {
            notes.append("\(identifierKeys) identifier\(identifierKeys == 1 ? " was" : "s were") held by too many records (a shared phone or number) to be used alone to find candidates")
        }
        if found.nameKeysSetAside > 0 {
            let k = found.nameKeysSetAside
            notes.append("\(k) name key\(k == 1 ? " was" : "s were") held by too many records (a common name) to be used alone to find candidates, and \(k == 1 ? "was" : "were") used within each country and each year of birth or incorporation instead"
                         + (found.recordsWithoutNameKey > 0
                            ? "; \(found.recordsWithoutNameKey) record\(found.recordsWithoutNameKey == 1 ? "" : "s") had no other name key and no country or year to narrow it, or shared them with too many, so were compared with no record by name (only by an identifier they share): a duplicate among them is neither merged nor listed for review"
                            : ""))
        }
        self.notes = notes
    }

    static func percent(_ p: Double) -> String { String(Int((p * 100).rounded(.down))) + "%" }
}

/// Union–find with path halving and union by size (no recursion).
struct UnionFind {
    private var parent: [Int]
    private var size: [Int]

    init(_ n: Int) {
        parent = Array(0 ..< n)
        size = [Int](repeating: 1, count: n)
    }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Joins the sets of two roots; returns the new root.
    mutating func union(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (find(a), find(b))
        guard a != b else { return a }
        if size[a] < size[b] { swap(&a, &b) }
        parent[b] = a
        size[a] += size[b]
        return a
    }
}
