import ArgumentParser
import Foundation
import TraffickingNetworks

struct KeyPlayersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key-players",
        abstract: "Who to act against: actors ranked by what removing each would do, or the best set of K (Borgatti's KPP-Neg).",
        discussion: """
        Candidates follow the target policy: only the perpetrator side (syndicates, companies, financial channels, persons in a perpetrator role, officials with a corruption link; the nodes of a plain graph). Never authorities and international bodies, places (countries, regions, sites, compounds), platforms, or protected persons (victims, survivors, witnesses; --include-victims ranks protected persons, marked, for analysis only). A dataset's schema may override the policy per kind or entity ("targets"), never for a protected person.
        The ranking: every candidate by the rise in distance-weighted fragmentation (Borgatti 2006: 1 − global efficiency) when it alone is removed, then betweenness, then id; with betweenness and PageRank, its main Gould-Fernandez brokerage role over --partition (links as directed), whether it is an articulation point, how many entities its removal cuts off, and why. Projection: fragmentation, betweenness, PageRank and articulation on one graph, links read either way, parallel links once, weights ignored (NetworkX: nx.Graph of the links) — so they differ from tnet centrality on a directed dataset.
        --set K: the K candidates whose joint removal fragments the network most (greedy start, then swaps in a seeded order), against the top K candidates by betweenness on the same graph: single-actor rankings are not the best set.
        CSV: rank,id,name,kind,fragmentation_gain,betweenness,pagerank,brokerage_role,brokerage_count,articulation_point,cut_off,protected,why. With --set: set,id,name,kind (set: kpp or betweenness) and the fragmentations in JSON {"k","base_fragmentation","kpp":{"fragmentation","members"},"betweenness":{"fragmentation","members"}}.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: "Show the first N rows.") var top: Int = 10
    @Option(name: .customLong("set"), help: ArgumentHelp("Find the best set of K actors to remove together.", valueName: "k")) var setSize: Int?
    @Flag(name: .customLong("include-victims"), help: "Rank protected persons too (marked; never in a --set).") var includeVictims = false
    @Option(help: ArgumentHelp("Brokerage groups: kind, country, role or an attribute.", valueName: "field")) var partition = "kind"
    @Option(help: "Seed of the swap order (--set).") var seed: UInt64 = 0
    @Option(help: "Output: table, json or csv.") var format: ResultFormat = .table

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if let setSize, setSize < 1 { throw ValidationError("--set must be at least 1") }
    }

    func run() throws {
        try Diagnostics.reporting {
            let d = try input.load()
            Progress.step(setSize.map { "searching the best set of \($0) among \(d.entities.count) entities" } ?? "ranking \(d.entities.count) entities")
            defer { Progress.clear() }
            if let k = setSize { try runSet(d, k) } else { try runRanking(d) }
        }
    }

    private func runRanking(_ d: Dataset) throws {
        let r = try Result { () throws(CentralityError) in try d.keyPlayers(includeVictims: includeVictims, partition: partition) }
            .mapError { CLIError($0.description) }.get()
        Progress.clear()
        let rows = Array(r.players.prefix(top))
        switch format {
        case .csv:
            var out = CSVText.row(["rank", "id", "name", "kind", "fragmentation_gain", "betweenness", "pagerank", "brokerage_role",
                                   "brokerage_count", "articulation_point", "cut_off", "protected", "why"])
            for (i, p) in rows.enumerated() {
                let e = d.entities[p.entity]
                out += CSVText.row([String(i + 1), e.id, e.name ?? "", e.kind.rawValue, JSONWriter.format(p.fragmentationGain),
                                    JSONWriter.format(p.betweenness), JSONWriter.format(p.pagerank), p.brokerageRole ?? "",
                                    String(p.brokerageCount), String(p.isArticulationPoint), String(p.cutOff), String(p.isProtected), p.why])
            }
            emit(out)
        case .json:
            var w = JSONWriter(pretty: true)
            w.beginObject()
            w.key("base_fragmentation"); w.double(r.fragmentation)
            w.key("protected_excluded"); w.int(r.protectedExcluded)
            w.key("players"); w.beginArray()
            for (i, p) in rows.enumerated() {
                let e = d.entities[p.entity]
                w.beginObject()
                w.key("rank"); w.int(i + 1)
                w.key("id"); w.string(e.id)
                w.key("name"); if let n = e.name { w.string(n) } else { w.null() }
                w.key("kind"); w.string(e.kind.rawValue)
                w.key("fragmentation_gain"); w.double(p.fragmentationGain)
                w.key("betweenness"); w.double(p.betweenness)
                w.key("pagerank"); w.double(p.pagerank)
                w.key("brokerage_role"); if let b = p.brokerageRole { w.string(b) } else { w.null() }
                w.key("brokerage_count"); w.int(p.brokerageCount)
                w.key("articulation_point"); w.bool(p.isArticulationPoint)
                w.key("cut_off"); w.int(p.cutOff)
                w.key("protected"); w.bool(p.isProtected)
                w.key("why"); w.string(p.why)
                w.endObject()
            }
            w.endArray()
            w.endObject()
            emit(w.text + "\n")
        case .table:
            var table = TextTable(header: ["#", "actor", "fragmentation +", "betweenness", "pagerank", "why"], rightAligned: [0, 2, 3, 4])
            for (i, p) in rows.enumerated() {
                table.append([String(i + 1), entityLabel(d.entities[p.entity]), String(format: "%.4f", p.fragmentationGain),
                              String(format: "%.4f", p.betweenness), String(format: "%.4f", p.pagerank), p.why])
            }
            var out = "key players: fragmentation of the intact network \(String(format: "%.4f", r.fragmentation)) (\(r.projection))\n" + table.text
            if !r.excluded.isEmpty {
                out += "(never proposed, by the target policy: " + r.excluded.map { "\($0.standing.rawValue) \($0.count)" }.joined(separator: ", ")
                    + (r.protectedExcluded > 0 ? "; --include-victims ranks protected persons, marked" : "") + ")\n"
            }
            emit(out)
        }
    }

    private func runSet(_ d: Dataset, _ k: Int) throws {
        let r = try Result { () throws(CentralityError) in try d.keyPlayerSet(k, seed: seed) }
            .mapError { CLIError($0.description) }.get()
        Progress.clear()
        switch format {
        case .csv:
            var out = CSVText.row(["set", "id", "name", "kind"])
            for (name, members) in [("kpp", r.set), ("betweenness", r.betweennessSet)] {
                for i in members { out += CSVText.row([name, d.entities[i].id, d.entities[i].name ?? "", d.entities[i].kind.rawValue]) }
            }
            emit(out)
        case .json:
            var w = JSONWriter(pretty: true)
            w.beginObject()
            w.key("k"); w.int(k)
            w.key("base_fragmentation"); w.double(r.baseFragmentation)
            for (name, members, f) in [("kpp", r.set, r.fragmentation), ("betweenness", r.betweennessSet, r.betweennessFragmentation)] {
                w.key(name); w.beginObject()
                w.key("fragmentation"); w.double(f)
                w.key("members"); w.beginArray(inline: true); for i in members { w.string(d.entities[i].id) }; w.endArray()
                w.endObject()
            }
            w.key("protected_excluded"); w.int(r.protectedExcluded)
            w.endObject()
            emit(w.text + "\n")
        case .table:
            var out = "fragmentation of the intact network: \(String(format: "%.4f", r.baseFragmentation)) (\(Dataset.removalProjectionText))\n"
            out += "best set of \(k) to remove together (KPP-Neg): fragmentation \(String(format: "%.4f", r.fragmentation))\n"
            for i in r.set { out += "  " + entityLabel(d.entities[i]) + "\n" }
            out += "the \(k) candidates highest by betweenness, for comparison: fragmentation \(String(format: "%.4f", r.betweennessFragmentation))\n"
            for i in r.betweennessSet { out += "  " + entityLabel(d.entities[i]) + "\n" }
            out += "(never proposed, by the target policy: " + d.targetStandingCounts().filter { !$0.standing.isCandidate }
                .map { "\($0.standing.rawValue) \($0.count)" }.joined(separator: ", ") + ")\n"
            emit(out)
        }
    }
}
