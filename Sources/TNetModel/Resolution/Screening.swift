/// A dataset's people and organisations compared with a watch list (a sanctions or PEP list,
/// as OpenSanctions publishes it in FollowTheMoney form): every entity's best matches, for an
/// investigator to review; the matches judged `same` written back as `sanctions` links.
///
/// The comparison is entity resolution's (``CandidateSearch``, ``MatchScorer``), across the two
/// only. Protected persons (victims, survivors, witnesses) are never screened: a person forced
/// to work in a compound matched to a sanctions list is exactly the mistake the
/// forced-criminality principle forbids, and the count of those left out is given.
public struct Screening: Sendable {
    /// One entity of the dataset and one of the list that may be the same.
    public struct Hit: Sendable {
        /// The entity's position in the dataset.
        public var entity: Int
        /// The list entity's position in the list.
        public var listEntity: Int
        /// The scorer's verdict, with its evidence.
        public var score: MatchScore
    }

    /// The dataset screened.
    public let dataset: Dataset
    /// The list.
    public let list: Dataset
    /// Every hit at or above the minimum probability, at most ``perEntity`` per entity, by
    /// entity then most likely first.
    public private(set) var hits: [Hit] = []
    /// Entities screened (persons and organisations, protected persons left out).
    public private(set) var screened = 0
    /// Protected persons not screened.
    public private(set) var protectedLeftOut = 0
    /// Protected persons of the list, never compared.
    public private(set) var protectedInList = 0
    /// Pairs compared.
    public private(set) var compared = 0
    /// Name or identifier keys not used alone because the pairs across the dataset and the list
    /// they would add are too many (``CandidateSearch``): matches resting on them alone are not
    /// found, and the outputs say how many there were.
    public private(set) var keysSetAside = 0
    /// The dataset's screened records whose every name key was set aside: matched by no name,
    /// only by an identifier if they have one.
    public private(set) var recordsWithoutNameKey = 0
    /// The same, of the list's records.
    public private(set) var listRecordsWithoutNameKey = 0
    /// The most hits kept per entity.
    public let perEntity: Int

    /// Screens `dataset` against `list`.
    /// - Parameters:
    ///   - dataset: The investigator's dataset.
    ///   - list: The watch list (any format tnet reads; FtM for OpenSanctions).
    ///   - minimum: The lowest probability listed (default 0.5).
    ///   - perEntity: The most hits kept per entity (default 3).
    ///   - threads: Threads for the comparison.
    public init(_ dataset: Dataset, against list: Dataset, minimum: Double = 0.5, perEntity: Int = 3, threads: Int = 2) {
        self.dataset = dataset
        self.list = list
        self.perEntity = perEntity
        var records: [ResolutionRecord] = []
        var ownOf: [Int] = []
        for i in dataset.entities.indices {
            let r = ResolutionRecord(dataset, entity: i, input: 0)
            guard r.category == .person || r.category == .organisation else { continue }
            if r.isProtected { protectedLeftOut += 1; continue }
            records.append(r)
            ownOf.append(i)
        }
        screened = records.count
        let own = records.count
        for i in list.entities.indices {
            let r = ResolutionRecord(list, entity: i, input: 1)
            // A protected person in the list is no one to match either (a list of survivors is
            // not a watch list), and under redaction is not to be printed.
            guard !r.isProtected else { protectedInList += 1; continue }
            if r.category == .person || r.category == .organisation || r.category == .other { records.append(r) }
        }
        var search = CandidateSearch()
        search.withinInputs = false
        search.minimumProbability = minimum
        // A listed passport or registration under another name is a hit to look at, whatever
        // the names say.
        search.keepsSharedIdentifiers = true
        search.threads = threads
        let found = search.run(records, scorer: MatchScorer(records: records))
        compared = found.compared
        keysSetAside = found.keysSetAside
        recordsWithoutNameKey = found.withoutNameKeyByInput[0] ?? 0
        listRecordsWithoutNameKey = found.withoutNameKeyByInput[1] ?? 0
        var byEntity: [Int: [Hit]] = [:]
        var documentShared = Set<[Int]>()
        for p in found.pairs {
            let (a, b) = p.a < own ? (p.a, p.b) : (p.b, p.a)
            guard a < own, b >= own else { continue }
            byEntity[ownOf[a], default: []].append(Hit(entity: ownOf[a], listEntity: records[b].entity, score: p.score))
            if MatchScorer.sharedIdentifier(records[a], records[b], \.isDocument) != nil {
                documentShared.insert([ownOf[a], records[b].entity])
            }
        }
        for key in byEntity.keys.sorted() {
            let ranked = byEntity[key]!.sorted { ($0.score.probability, list.entities[$1.listEntity].id) > ($1.score.probability, list.entities[$0.listEntity].id) }
            // A shared passport, id or registration is a hit past --top too (helper-68: one was
            // hidden behind three name-only hits); a shared wallet or e-mail is not (helper-69:
            // an exchange's wallet on 24 list entries gave each entity 24 rows).
            hits += ranked.prefix(perEntity) + ranked.dropFirst(perEntity).filter { documentShared.contains([$0.entity, $0.listEntity]) }
        }
    }

    /// The dataset with a `sanctions` link for every list entity's sanction, re-pointed at the
    /// entity judged the same: the authority that imposed it (added when the dataset lacks an
    /// entity of its id or name) `sanctions` the entity, citing `source` (the list) and the
    /// sanction's own sources.
    /// - Parameters:
    ///   - accepted: The hits judged `same` (dataset entity, list entity).
    ///   - source: The list as a source (its id, title, publisher, date, URL).
    /// - Returns: The dataset and, in words, what was added and what could not be.
    public func applying(_ accepted: [(entity: Int, listEntity: Int)], source: Source) -> (dataset: Dataset, notes: [String]) {
        var out = dataset
        var notes: [String] = []
        if out.sources.contains(where: { $0.id == source.id }) == false { out.sources.append(source) }
        var listSources = Set<String>()
        var added = 0
        // Authorities are found by id, else by name in the dataset as given (one index for all;
        // an authority added below is found again by its id).
        let lookup = EntityLookup(dataset)
        for (entity, listEntity) in accepted {
            let target = dataset.entities[entity]
            guard !target.isProtected else {
                notes.append("\(target.id) is a protected person: no sanctions link is written to a victim, survivor or witness")
                continue
            }
            let listID = list.entities[listEntity].id
            var found = false
            for (i, l) in list.links.enumerated() where l.kind == .sanctions {
                guard let t = list.endpoints(ofLink: i).target, t == listEntity, let s = list.endpoints(ofLink: i).source else { continue }
                found = true
                let authority = list.entities[s]
                let authorityID: String
                if let same = out.index(of: authority.id) ?? lookup.exact(authority.name ?? authority.id).first.map(\.entity) {
                    authorityID = out.entities[same].id
                } else {
                    var a = authority
                    a.sources = [source.id]
                    a.attributes["screened_from"] = .string(authority.id)
                    out.append(a)
                    authorityID = a.id
                    notes.append("added \(a.id) (\(a.kind.rawValue)), the authority of \(listID)'s sanction")
                }
                var link = l
                link.source = authorityID
                link.target = target.id
                link.sources = [source.id] + l.sources.filter { $0 != source.id }
                listSources.formUnion(l.sources)
                link.attributes["screened_match"] = .string(listID)
                if out.links.contains(where: { $0.kind == .sanctions && $0.source == authorityID && $0.target == target.id && $0.period == link.period }) {
                    notes.append("\(authorityID) sanctions \(target.id) is already in the dataset: not added again")
                    continue
                }
                out.append(link)
                added += 1
            }
            if !found { notes.append("\(listID) (matched to \(target.id)) has no sanction in the list: nothing written") }
        }
        for id in listSources.sorted() where !out.sources.contains(where: { $0.id == id }) {
            if let s = list.sources.first(where: { $0.id == id }) { out.sources.append(s) }
        }
        notes.insert("\(added) sanctions link\(added == 1 ? "" : "s") added, citing \(source.id)", at: 0)
        return (out, notes)
    }
}
