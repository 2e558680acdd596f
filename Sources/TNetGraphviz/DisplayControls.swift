extension Unicode.Scalar {
    /// Whether the scalar would act on a reader's screen instead of being shown: C0 and C1
    /// controls, DEL, the bidirectional formatting characters (U+061C, U+200E, U+200F,
    /// U+202A–U+202E, U+2066–U+2069: an RLO reverses what follows, so `exe.txt` can read as
    /// `txt.exe`), the line and paragraph separators U+2028 and U+2029 (a line break inside a
    /// table's row), and the non-characters U+FFFE and U+FFFF. Every escaper for a display target
    /// (terminal tables, the report, SVG labels) shows these as a space.
    public var isDisplayControl: Bool {
        switch value {
        case 0 ..< 0x20, 0x7F ..< 0xA0, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A ... 0x202E, 0x2066 ... 0x2069, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}
