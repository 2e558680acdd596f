import Foundation
import TNetModel

/// The briefing's machine-readable twin, `report.json`: every section's data by id and value,
/// so a script or an auditor can check each statement against the dataset without the HTML.
/// The shape is ``BriefingJSON/shape``, which help texts print.
public enum BriefingJSON {
    /// The format tag at the top of the file.
    public static let format = "tnet-report/1"

    /// The shape, for help texts.
    public static let shape = """
    {"format":"tnet-report/1","title","provenance":{"tool","generated","inputs":[{"path","sha256"}],"filters","redacted"},"projection",\
    "summary":{"entities","links","sources","components","largest_component","density","entities_by_kind":{},"links_by_kind":{}},\
    "target_policy":{"candidates","excluded":{REASON:count}},\
    "findings":[{"topic","text","entities":[ids],"links":[FLINK],"sources":[ids]}],\
    "flow_cut":{"value","links":[FLINK],"entities":[ids]|null}|null,\
    "key_players":[{"id","name","kind","role","fragmentation_gain","betweenness","pagerank","articulation_point","cut_off","why"}],\
    "key_player_set":{"ids","fragmentation","base_fragmentation","betweenness_ids","betweenness_fragmentation","comparison"}|null (comparison: what the sample establishes of the set against the intact network and the betweenness set, null when exact),\
    "communities":{"method","modularity","groups":[[ids]]},\
    "routes":[{"country","compound","steps":[{"from","to","along","link":LINK}]}]|null,\
    "gaps":[{"from","to","people","cooperation","channels":[{"via","link":LINK}],"flow_links":[LINK],"sources"}]|null,\
    "corruption":[{"id","counterparts","compounds","pairs_only_it_connects","links":[LINK]}]|null,\
    "disruption":{"flow_link_kinds","flow_sources","flow_sinks","runs":[{"strategy","removed":[ids],"steps":[{"largest_share","components","efficiency","flow"}]}]},\
    "sources":[{"id","title","publisher","date","url","facts","grades":{}}],"omitted":[{"section","why"}],\
    "accuracy":{"key_players","key_player_order","key_player_set","disruption","disruption_established","scale"} (each: exact, or what was sampled with its bounds; key_player_order: which places of the key players the sample establishes, null when exact; key_player_set null without a set; disruption_established: what the sample establishes of the efficiency curves, null when exact; scale: what was sampled more coarsely above \(Briefing.scaleLimit) entities, null below),\
    "diagram":{"entities","of","by"} (the entities drawn, of how many; by: the measure of a view, null when all are drawn)}; \
    LINK = {"source","target","kind","confidence","sources"}, the dataset link's own values; \
    FLINK = LINK and {"index","id"}: its position in the dataset's links (from 0) and its own id attribute (null without one)
    """

    /// `report.json` of `b`, pretty-printed with sorted keys (the same briefing gives the same bytes).
    /// - Parameter b: the briefing.
    /// - Returns: the JSON as UTF-8 bytes, every key present (`null` for a section that does not
    ///   apply).
    public static func write(_ b: Briefing) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        // Every value is encodable: a failure here is a programming error.
        var bytes = Array(try! encoder.encode(Record(b)))
        bytes.append(0x0A)
        return bytes
    }

    struct LinkRecord: Encodable {
        var source, target, kind: String
        var confidence: Nullable<String>
        var sources: [String]
        init(_ l: Link) {
            source = l.source; target = l.target; kind = l.kind.rawValue
            confidence = Nullable(l.confidence?.description); sources = l.sources
        }
    }

    /// A link a finding rests on: ``LinkRecord`` with where it is in the dataset and its own
    /// `id` attribute, so each can be found in the input.
    struct FindingLink: Encodable {
        var source, target, kind: String
        var confidence: Nullable<String>
        var sources: [String]
        var index: Int
        var id: Nullable<String>
        init(_ d: Dataset, _ i: Int) {
            let l = d.links[i]
            source = l.source; target = l.target; kind = l.kind.rawValue
            confidence = Nullable(l.confidence?.description); sources = l.sources
            index = i
            id = Nullable(l.attributes["id"]?.string)
        }
    }

    /// Encodes nil as `null` rather than leaving the key out: a section that does not apply is
    /// stated, never missing.
    struct Nullable<T: Encodable>: Encodable {
        var value: T?
        init(_ value: T?) { self.value = value }
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            if let value { try c.encode(value) } else { try c.encodeNil() }
        }
    }

    struct Record: Encodable {
        struct Input: Encodable { var path, sha256: String }
        struct Provenance: Encodable { var tool, generated, filters: String; var inputs: [Input]; var redacted: Bool }
        struct Summary: Encodable {
            var entities, links, sources, components, largestComponent: Int
            var density: Double
            var entitiesByKind, linksByKind: [String: Int]
        }
        struct Policy: Encodable { var candidates: Int; var excluded: [String: Int] }
        /// A finding as the Markdown says it, with all of its evidence and the sources that
        /// evidence cites (each once, in order of first citation).
        struct Finding: Encodable {
            var topic, text: String
            var entities: [String]
            var links: [FindingLink]
            var sources: [String]
        }
        struct Cut: Encodable { var value: Double; var links: [FindingLink]; var entities: Nullable<[String]> }
        struct Player: Encodable {
            var id, kind, why: String
            var name, role: Nullable<String>
            var fragmentationGain, betweenness, pagerank: Double
            var articulationPoint: Bool
            var cutOff: Int
        }
        struct KPSet: Encodable {
            var ids, betweennessIds: [String]
            var fragmentation, baseFragmentation, betweennessFragmentation: Double
            var comparison: Nullable<String>
        }
        struct Communities: Encodable { var method: String; var modularity: Double; var groups: [[String]] }
        struct Step: Encodable { var from, to: String; var along: Bool; var link: LinkRecord }
        struct RouteRecord: Encodable { var country, compound: String; var steps: [Step] }
        struct Channel: Encodable { var via: Nullable<String>; var link: LinkRecord }
        struct Gap: Encodable {
            var from, to, cooperation: String
            var people: Nullable<Double>
            var channels: [Channel]
            var flowLinks: [LinkRecord]
            var sources: [String]
        }
        struct Corruption: Encodable {
            var id: String
            var counterparts, compounds: [String]
            var pairsOnlyItConnects: Int
            var links: [LinkRecord]
        }
        struct DStep: Encodable { var largestShare, efficiency: Double; var components: Int; var flow: Nullable<Double> }
        struct Run: Encodable { var strategy: String; var removed: [String]; var steps: [DStep] }
        struct Disruption: Encodable { var flowLinkKinds, flowSources, flowSinks: [String]; var runs: [Run] }
        struct SourceRecord: Encodable {
            var id: String
            var title, publisher, date, url: Nullable<String>
            var facts: Int
            var grades: [String: Int]
        }
        struct Omitted: Encodable { var section, why: String }
        struct Accuracy: Encodable { var keyPlayers, disruption: String; var keyPlayerOrder, keyPlayerSet, disruptionEstablished, scale: Nullable<String> }
        struct DiagramRecord: Encodable { var entities, of: Int; var by: Nullable<String> }

        var format = BriefingJSON.format
        var title: Nullable<String>
        var provenance: Provenance
        var projection: String
        var summary: Summary
        var targetPolicy: Policy
        var findings: [Finding]
        var flowCut: Nullable<Cut>
        var keyPlayers: [Player]
        var keyPlayerSet: Nullable<KPSet>
        var communities: Communities
        var routes: Nullable<[RouteRecord]>
        var gaps: Nullable<[Gap]>
        var corruption: Nullable<[Corruption]>
        var disruption: Disruption
        var sources: [SourceRecord]
        var omitted: [Omitted]
        var accuracy: Accuracy
        var diagram: DiagramRecord

        init(_ b: Briefing) {
            let d = b.dataset
            let id = { (i: Int) in d.entities[i].id }
            title = Nullable(d.title)
            let p = b.provenance
            provenance = Provenance(tool: p.tool, generated: p.generated, filters: p.filters,
                                    inputs: p.inputs.map { Input(path: $0.path, sha256: $0.sha256) }, redacted: p.redacted)
            projection = b.projection
            let s = b.summary
            summary = Summary(entities: s.entityCount, links: s.linkCount, sources: s.sourceCount, components: s.components,
                              largestComponent: s.largestComponent, density: s.density,
                              entitiesByKind: Dictionary(uniqueKeysWithValues: s.entitiesByKind.map { ($0.kind.rawValue, $0.count) }),
                              linksByKind: Dictionary(uniqueKeysWithValues: s.linksByKind.map { ($0.kind.rawValue, $0.count) }))
            targetPolicy = Policy(candidates: b.candidateCount,
                                  excluded: Dictionary(uniqueKeysWithValues: b.targetExclusions.map { ($0.standing.rawValue, $0.count) }))
            findings = Findings(b: b).items.map { f in
                var cited: [String] = []
                var seen = Set<String>()
                for s in f.entities.flatMap({ d.entities[$0].sources }) + f.links.flatMap({ d.links[$0].sources }) where seen.insert(s).inserted {
                    cited.append(s)
                }
                return Finding(topic: f.topic, text: Findings.plainText(f.parts, d), entities: f.entities.map(id),
                               links: f.links.map { FindingLink(d, $0) }, sources: cited)
            }
            flowCut = Nullable(b.flowCut.map { c in
                Cut(value: c.value, links: c.links.map { FindingLink(d, $0) }, entities: Nullable(c.entities.map { $0.map(id) }))
            })
            keyPlayers = b.keyPlayers.map { k in
                let e = d.entities[k.entity]
                return Player(id: k.id, kind: e.kind.rawValue, why: k.why, name: Nullable(e.name), role: Nullable(e.role?.rawValue),
                              fragmentationGain: k.fragmentationGain, betweenness: k.betweenness, pagerank: k.pagerank,
                              articulationPoint: k.isArticulationPoint, cutOff: k.cutOff)
            }
            keyPlayerSet = Nullable(b.keyPlayerSet.map {
                KPSet(ids: $0.ids, betweennessIds: $0.betweennessIDs, fragmentation: $0.fragmentation,
                      baseFragmentation: $0.baseFragmentation, betweennessFragmentation: $0.betweennessFragmentation,
                      comparison: Nullable($0.sampledComparison))
            })
            var groups = [[String]](repeating: [], count: b.communities.count)
            for (i, c) in b.communities.community.enumerated() { groups[c].append(d.entities[i].id) }
            communities = Communities(method: b.communities.method.rawValue, modularity: b.communities.modularity, groups: groups)
            routes = Nullable(b.routes.map { list in
                list.map { r in
                    RouteRecord(country: id(r.country), compound: id(r.route.entities.last!),
                                steps: r.route.steps.map { Step(from: $0.from, to: $0.to, along: $0.along, link: LinkRecord($0.link)) })
                }
            })
            gaps = Nullable(b.gaps.map { list in
                list.map { g in
                    Gap(from: id(g.source), to: id(g.host), cooperation: g.strength.name, people: Nullable(g.victims),
                        channels: g.channels.map { Channel(via: Nullable($0.via.map(id)), link: LinkRecord(d.links[$0.link])) },
                        flowLinks: g.flowLinks.map { LinkRecord(d.links[$0]) }, sources: g.citations)
                }
            })
            corruption = Nullable(b.corruption.map { list in
                list.map { r in
                    Corruption(id: r.id, counterparts: r.counterparts.map(id), compounds: r.compounds.map(id),
                               pairsOnlyItConnects: r.pairsOnlyItConnects, links: r.linkValues.map(LinkRecord.init))
                }
            })
            let dr = b.disruption
            disruption = Disruption(flowLinkKinds: LinkFamily.names(DisruptionResult.flowLinkKinds), flowSources: dr.flowSources.map(id),
                                    flowSinks: dr.flowSinks.map(id),
                                    runs: dr.runs.map { run in
                                        Run(strategy: run.strategy.rawValue, removed: run.removedIDs,
                                            steps: run.steps.map { DStep(largestShare: $0.largestShare, efficiency: $0.efficiency,
                                                                         components: $0.components, flow: Nullable($0.flow)) })
                                    })
            sources = d.sources.map { src in
                let cited = b.citations[src.id]
                return SourceRecord(id: src.id, title: Nullable(src.title), publisher: Nullable(src.publisher),
                                    date: Nullable(src.date?.description), url: Nullable(src.url),
                                    facts: cited?.facts ?? 0, grades: cited?.grades ?? [:])
            }
            omitted = b.omitted.map { Omitted(section: $0.section, why: $0.why) }
            accuracy = Accuracy(keyPlayers: b.keyPlayerAccuracy.text, disruption: b.disruption.accuracy.text,
                                keyPlayerOrder: Nullable(b.keyPlayerOrderText),
                                keyPlayerSet: Nullable(b.keyPlayerSet.map(\.accuracy.text)),
                                disruptionEstablished: Nullable(b.disruption.sampledEfficiencyText), scale: Nullable(b.scaleNote))
            diagram = DiagramRecord(entities: b.diagramView?.shown ?? d.entities.count, of: d.entities.count,
                                    by: Nullable(b.diagramView.map(\.measure.rawValue)))
        }
    }
}
