extension Dataset {
    /// `x` rounded to 12 decimal places: the value a ranking compares. Two scores that are equal
    /// in exact arithmetic can differ in their last bits because their sums ran in another order
    /// (a fragmentation of 0.0011806264896153662 against 0.0011806264896151442); rounded, they
    /// tie, and the next key (betweenness, then the id) decides, as the definition says.
    /// Scores here lie in [0, n], so 12 decimals keep every real difference of networks of up to
    /// 10⁵ entities.
    static func rankingScore(_ x: Double) -> Double {
        x.isFinite ? (x * 1e12).rounded() / 1e12 : x
    }
}
