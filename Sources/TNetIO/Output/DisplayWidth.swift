/// How many columns a text takes in a terminal, as Python's `wcwidth` counts them: two for a
/// scalar of East Asian width Wide or Fullwidth (Han, kana, Hangul syllables, most emoji), none
/// for a nonspacing or enclosing mark, a format character, a Hangul medial or final jamo or a
/// skin-tone modifier, one for the rest. One deviation: a spacing mark (Mc: the vowel signs of
/// Burmese, Khmer and the Indic scripts) counts one, as the C library's `wcwidth`, xterm, VTE
/// and tmux count it (`wcwidth` 0.2.13 counts none, and a Burmese or Khmer column came out
/// shifted in those terminals).
///
/// Tables pad their columns by it: counted in characters, a column of Chinese, Japanese or
/// Korean names (the syndicates of the region are often named in Chinese) came out misaligned.
/// Summed scalar by scalar, as terminals lay text out. Control
/// characters are cleaned to spaces before a table measures anything.
///
/// Hand-written (no Swift package gives East Asian widths, and the C library's `wcwidth`
/// answers only under a UTF-8 locale, which a program cannot count on). The wide ranges are
/// Unicode 14's East Asian Width (UAX #11) values W and F, merged across unassigned code
/// points; a test checks every assigned code point against Python's `wcwidth` package.
enum DisplayWidth {
    /// The scalars of East Asian width W or F, in order.
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x303E,
        0x3041...0x3247, 0x3250...0x4DBF, 0x4E00...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAD9,
        0xFE10...0xFE19, 0xFE30...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x1B2FB, 0x1F004...0x1F004,
        0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F320, 0x1F32D...0x1F335,
        0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0,
        0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D,
        0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596, 0x1F5A4...0x1F5A4,
        0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6DF,
        0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
        0x1F947...0x1F9FF, 0x1FA70...0x1FAF6, 0x20000...0x3FFFD
    ]

    /// Columns of `s` in a terminal.
    static func of(_ s: String) -> Int {
        var width = 0
        for scalar in s.unicodeScalars {
            // Printable ASCII, the usual case: one column.
            if scalar.value >= 0x20 && scalar.value < 0x7F { width += 1; continue }
            width += of(scalar)
        }
        return width
    }

    /// Columns of one scalar: 0, 1 or 2.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        // Hangul medial vowels and final consonants join the syllable before them; skin-tone
        // modifiers join the emoji before them.
        if (0x1160 ... 0x11FF).contains(v) || (0xD7B0 ... 0xD7FF).contains(v) || (0x1F3FB ... 0x1F3FF).contains(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// Whether `v` falls in a range of ``wide`` (binary search).
    static func isWide(_ v: UInt32) -> Bool {
        guard v >= 0x1100 else { return false }
        var low = 0, high = wide.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if v < wide[mid].lowerBound { high = mid - 1 } else if v > wide[mid].upperBound { low = mid + 1 } else { return true }
        }
        return false
    }
}
