/// Where a command's default ranking switches from exact betweenness (Brandes, O(nm): 33–89 s at
/// 100,000 entities on two cores, over ten minutes at a million) to approx-betweenness
/// (Riondato–Kornaropoulos, about a second), saying so with its bound: `diff`'s default
/// measure, `render`/`dot --top`'s default `--by`, `centrality`'s default measures. A measure
/// the user names is always computed as named.
enum BetweennessDefault {
    /// Above this many entities the default is sampled.
    static let exactLimit = 20_000
}
