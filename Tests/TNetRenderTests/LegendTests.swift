import Foundation
import Testing
import TNetModel
@testable import TNetRender

/// The legend stays a legend whatever the dataset: its title, its kinds and its lists bounded.
@Suite struct LegendTests {
    /// 30 entity kinds, kind kNN with NN + 1 entities; 20 link kinds of no family (one colour);
    /// a title of 1,000 characters. Worked: the 24 most common kinds are k06 … k29; the six
    /// left, k00 … k05, hold 1 + 2 + … + 6 = 21 entities; the link row names 12 kinds and says
    /// "and 8 more"; the title keeps 120 characters and counts 880.
    @Test func boundedWhateverTheDataset() {
        var entities: [Entity] = []
        for k in 0 ..< 30 {
            for i in 0 ... k { entities.append(Entity(id: "e\(k)-\(i)", kind: EntityKind(String(format: "k%02d", k)))) }
        }
        let links = (0 ..< 20).map { Link(source: "e0-0", target: "e1-\($0 % 2)", kind: LinkKind(String(format: "l%02d", $0))) }
        let d = Dataset(entities: entities, links: links, title: String(repeating: "T", count: 1_000))
        let html = Legend.html(d, options: DiagramOptions())
        #expect(html.contains(String(repeating: "T", count: 120) + "… (880 more characters)"))
        #expect(!html.contains(String(repeating: "T", count: 121)))
        #expect(!html.contains(">k05 (") && html.contains(">k06 (") && html.contains(">k29 ("))
        #expect(html.contains("6 more kinds: 21 entities"))
        #expect(html.contains("l00, l01") && html.contains("l11 and 8 more") && !html.contains("l12"))
    }
}
