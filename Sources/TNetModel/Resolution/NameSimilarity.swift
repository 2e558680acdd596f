/// How alike two names are, from 0 (nothing shared) to 1 (the same words), whatever the
/// order of the words, the romanisation or a typo.
///
/// Words are paired greedily, most alike first (the mean of their Jaro–Winkler and
/// edit-distance similarities, or 0.92 when their ``PhoneticKey``s agree, have two letters or
/// more, and the spelling does not: a one-letter key such as Zhao's and Zhou's `c` is too common);
/// the score is the pairs' sum over the mean number of words, so a missing middle name
/// costs less than a wrong one (`nguyen van hung` – `nguyen hung`: 2 / 2.5 = 0.8). The words
/// run together are compared too (edit distance, as written ×0.97 and sorted ×0.95), so a
/// given name written joined or apart (`xiaoming` – `xiao ming`) is the same; the best reading
/// counts. Designators must agree exactly (``NameForm/designators``): `Compound Cambodia-1`
/// and `Compound Cambodia-2` score 0.3.
public enum NameSimilarity {
    /// The similarity of two name forms.
    /// - Returns: A value in 0 … 1; 0 when either has no word.
    public static func score(_ a: NameForm, _ b: NameForm) -> Double { score(a, b, floor: -.infinity) }

    /// The similarity of two name forms when it is at least `floor`; else a value below
    /// `floor`, not necessarily the similarity: what cannot reach it is not computed (a caller
    /// looking for the best pair, or for a name alike enough, need not know how far below).
    static func score(_ a: NameForm, _ b: NameForm, floor: Double) -> Double {
        guard !a.tokens.isEmpty, !b.tokens.isEmpty else { return 0 }
        if !a.designators.isEmpty && !b.designators.isEmpty && a.designators != b.designators { return 0.3 }
        // Skipped only what is below the floor by more than rounding could account for.
        let floor = floor - margin
        let (ja, jb) = (a.joinedUTF8, b.joinedUTF8)
        let bound = Double(min(ja.count, jb.count)) / Double(max(ja.count, jb.count))
        // The aligned words score at most the share of words that can pair, and the words run
        // together at most their lengths' ratio: when neither reaches the floor, nothing does.
        let (na, nb) = (a.wordEnds.count, b.wordEnds.count)
        if Double(min(na, nb)) / (Double(na + nb) / 2) < floor && bound * 0.97 < floor { return floor - 1 }
        var best = aligned(a, b)
        if best < 1 && (na > 1 || nb > 1) {
            // Edit distance, not Jaro–Winkler: on long strings a shared prefix would make two
            // different names look alike. Skipped when the lengths alone rule out a better score.
            if bound * 0.97 > best && bound * 0.97 >= floor {
                best = max(best, levenshteinSimilarity(ja, jb) * 0.97)
                if bound * 0.95 > best && bound * 0.95 >= floor { best = max(best, levenshteinSimilarity(a.sortedJoinedUTF8, b.sortedJoinedUTF8) * 0.95) }
            }
        }
        return best
    }

    /// What the bounds of ``score(_:_:floor:)`` leave for rounding.
    static let margin = 1e-9

    /// A word's bytes, read in place (no array to retain and release per pair of words).
    typealias Bytes = UnsafeBufferPointer<UInt8>

    static func aligned(_ a: NameForm, _ b: NameForm) -> Double {
        let (na, nb) = (a.wordEnds.count, b.wordEnds.count)
        return a.joinedUTF8.withUnsafeBufferPointer { pa in
            b.joinedUTF8.withUnsafeBufferPointer { pb in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: na * nb) { sim in
                    var startA = 0
                    for i in 0 ..< na {
                        let x = Bytes(rebasing: pa[startA ..< a.wordEnds[i]])
                        startA = a.wordEnds[i]
                        var startB = 0
                        for j in 0 ..< nb {
                            let y = Bytes(rebasing: pb[startB ..< b.wordEnds[j]])
                            startB = b.wordEnds[j]
                            var s: Double
                            if same(x, y) { s = 1 } else if isNumber(x) || isNumber(y) { s = 0 } else {
                                // Jaro–Winkler forgives a different first letter too easily (`phuong`,
                                // `huong`: 0.94); averaged with the edit distance's similarity (0.83) it
                                // does not.
                                let jw = jaroWinkler(x, y)
                                // The edit distance's similarity is at most the lengths' ratio: skipped
                                // when even that could not lift the pair above 0.7 (never paired).
                                let ratio = Double(min(x.count, y.count)) / Double(max(x.count, y.count))
                                s = (jw + ratio) / 2 <= 0.7 ? jw / 2 : (jw + levenshteinSimilarity(x, y)) / 2
                                if s < 0.92 && a.keys[i] == b.keys[j] && a.keys[i].utf8.count > 1 { s = 0.92 }
                            }
                            sim[i * nb + j] = s
                        }
                    }
                    // Greedy: the most alike pair of unused words, until none is alike enough.
                    var total = 0.0
                    for _ in 0 ..< min(na, nb) {
                        var top = 0.7, at = -1
                        for k in 0 ..< na * nb where sim[k] > top { top = sim[k]; at = k }
                        guard at >= 0 else { break }
                        total += top
                        let (i, j) = (at / nb, at % nb)
                        for jj in 0 ..< nb { sim[i * nb + jj] = -1 }
                        for ii in 0 ..< na { sim[ii * nb + j] = -1 }
                    }
                    return total / (Double(na + nb) / 2)
                }
            }
        }
    }

    static func same(_ x: Bytes, _ y: Bytes) -> Bool {
        guard x.count == y.count else { return false }
        for k in 0 ..< x.count where x[k] != y[k] { return false }
        return true
    }

    static func isNumber(_ t: Bytes) -> Bool { t.allSatisfy { $0 >= 48 && $0 <= 57 } }

    /// 1 − (Levenshtein distance / length of the longer), in 0 … 1.
    public static func levenshteinSimilarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in levenshteinSimilarity(x, y) } }
    }

    static func levenshteinSimilarity(_ a: Bytes, _ b: Bytes) -> Double {
        if same(a, b) { return a.isEmpty ? 0 : 1 }
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return 1 - Double(levenshtein(a, b)) / Double(Swift.max(a.count, b.count))
    }

    /// The Levenshtein distance of two byte strings: bit-parallel (Myers 1999, in Hyyrö's 2001
    /// formulation for the whole strings) when the shorter has at most 64 bytes, one machine
    /// word per column, O(|a| + |b|); else the two-row dynamic programme, O(|a| |b|).
    /// Names almost always fit the word; the programme is kept for the rest and as the
    /// reference the test compares the fast path with.
    static func levenshtein(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in levenshtein(x, y) } }
    }

    static func levenshtein(_ a: Bytes, _ b: Bytes) -> Int {
        let (p, t) = a.count <= b.count ? (a, b) : (b, a)
        guard !p.isEmpty else { return t.count }
        guard p.count <= 64 else { return levenshteinTable(Array(a), Array(b)) }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 256) { peq -> Int in
            // Only the entries of p's bytes are read back through t's bytes: clear those of t.
            for c in t { peq[Int(c)] = 0 }
            for c in p { peq[Int(c)] = 0 }
            for (i, c) in p.enumerated() { peq[Int(c)] |= 1 << UInt64(i) }
            let top: UInt64 = 1 << UInt64(p.count - 1)
            var vp: UInt64 = ~0, vn: UInt64 = 0
            var d = p.count
            for c in t {
                let x = peq[Int(c)] | vn
                let d0 = (((x & vp) &+ vp) ^ vp) | x
                let hp = vn | ~(d0 | vp)
                let hn = vp & d0
                if hp & top != 0 { d += 1 } else if hn & top != 0 { d -= 1 }
                let shifted = (hp << 1) | 1
                vn = shifted & d0
                vp = (hn << 1) | ~(shifted | d0)
            }
            return d
        }
    }

    /// The Levenshtein distance by the two-row dynamic programme (Wagner–Fischer).
    static func levenshteinTable(_ a: [UInt8], _ b: [UInt8]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        let n = b.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (n + 1)) { buffer -> Int in
            var previous = UnsafeMutableBufferPointer(rebasing: buffer[0 ... n])
            var current = UnsafeMutableBufferPointer(rebasing: buffer[(n + 1)...])
            for j in 0 ... n { previous[j] = j }
            for i in 1 ... a.count {
                current[0] = i
                let ai = a[i - 1]
                for j in 1 ... n {
                    current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai == b[j - 1] ? 0 : 1))
                }
                swap(&previous, &current)
            }
            return previous[n]
        }
    }

    /// Jaro–Winkler similarity of two byte strings (Winkler 1990: prefix scale 0.1, up to four
    /// common leading bytes). 1 for equal strings, 0 when nothing matches.
    public static func jaroWinkler(_ a: [UInt8], _ b: [UInt8]) -> Double {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in jaroWinkler(x, y) } }
    }

    static func jaroWinkler(_ a: Bytes, _ b: Bytes) -> Double {
        if same(a, b) { return a.isEmpty ? 0 : 1 }
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: a.count + b.count) { flags -> Double in
            flags.initialize(repeating: false)
            var matches = 0
            for i in a.indices {
                let lo = max(0, i - window), hi = min(b.count - 1, i + window)
                guard lo <= hi else { continue }
                for j in lo ... hi where !flags[a.count + j] && a[i] == b[j] {
                    flags[i] = true; flags[a.count + j] = true
                    matches += 1
                    break
                }
            }
            guard matches > 0 else { return 0 }
            var transpositions = 0, k = 0
            for i in a.indices where flags[i] {
                while !flags[a.count + k] { k += 1 }
                if a[i] != b[k] { transpositions += 1 }
                k += 1
            }
            let m = Double(matches)
            let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
            var prefix = 0
            while prefix < min(4, a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
            return jaro + Double(prefix) * 0.1 * (1 - jaro)
        }
    }
}

