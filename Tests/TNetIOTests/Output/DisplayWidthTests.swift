import Foundation
import Testing
@testable import TNetIO

/// Terminal columns against Python's `wcwidth` package (Unicode 14.0.0 tables), the oracle, on
/// every code point assigned in Unicode 14 whose general category Swift and Python agree on,
/// but for spacing marks (Mc), counted as the C library's `wcwidth` counts them (read through
/// Python's ctypes under the C.UTF-8 locale); and tables padded by them, worked by hand.
@Suite struct DisplayWidthTests {
    static let python = ProcessInfo.processInfo.environment["TNET_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/bin/python3"

    static func run(_ code: String) -> (status: Int32, out: String)? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", code]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let hasOracle = run("import wcwidth")?.status == 0

    @Test(.enabled(if: hasOracle, "needs Python with wcwidth (make test installs it in .venv-oracle; set TNET_PYTHON); skipped: widths not compared"))
    func everyAssignedScalarAsWcwidthCountsIt() throws {
        // Python lists, for each assigned code point past ASCII controls, its category and width.
        let script = """
        import ctypes, sys, unicodedata, wcwidth
        libc = ctypes.CDLL('libc.so.6')
        libc.setlocale.restype = ctypes.c_char_p
        glibc = libc.setlocale(6, b'C.UTF-8') is not None
        libc.wcwidth.argtypes = [ctypes.c_wchar]
        out = []
        for cp in range(0xA0, 0x40000):
            if 0xD800 <= cp <= 0xDFFF: continue
            c = unicodedata.category(chr(cp))
            if c in ('Cn', 'Cc', 'Co', 'Cs'): continue
            if c == 'Mc':
                if not glibc: continue
                w = libc.wcwidth(chr(cp))
            else:
                w = wcwidth.wcwidth(chr(cp), unicode_version='14.0.0')
            out.append('%X %s %d' % (cp, c, w))
        sys.stdout.write('\\n'.join(out))
        """
        let result = try #require(Self.run(script))
        #expect(result.status == 0)
        let swiftCategory: [Unicode.GeneralCategory: String] = [
            .uppercaseLetter: "Lu", .lowercaseLetter: "Ll", .titlecaseLetter: "Lt", .modifierLetter: "Lm", .otherLetter: "Lo",
            .nonspacingMark: "Mn", .spacingMark: "Mc", .enclosingMark: "Me", .decimalNumber: "Nd", .letterNumber: "Nl",
            .otherNumber: "No", .connectorPunctuation: "Pc", .dashPunctuation: "Pd", .openPunctuation: "Ps",
            .closePunctuation: "Pe", .initialPunctuation: "Pi", .finalPunctuation: "Pf", .otherPunctuation: "Po",
            .mathSymbol: "Sm", .currencySymbol: "Sc", .modifierSymbol: "Sk", .otherSymbol: "So", .spaceSeparator: "Zs",
            .lineSeparator: "Zl", .paragraphSeparator: "Zp", .format: "Cf",
        ]
        var compared = 0, differing: [String] = []
        for line in result.out.split(separator: "\n") {
            let f = line.split(separator: " ")
            let cp = UInt32(f[0], radix: 16)!, width = Int(f[2])!
            let scalar = Unicode.Scalar(cp)!
            // Swift's Unicode is newer than 14: a code point whose category changed is left out.
            guard swiftCategory[scalar.properties.generalCategory] == String(f[1]) else { continue }
            compared += 1
            // wcwidth gives -1 for nothing printable here (controls are excluded above).
            if DisplayWidth.of(scalar) != width { differing.append("U+\(f[0]) \(f[1]) wcwidth \(width) ours \(DisplayWidth.of(scalar))") }
        }
        #expect(compared > 140_000)
        #expect(differing.isEmpty, "\(differing.count) differ: \(differing.prefix(20))")
    }

    /// Worked by hand: "賭場" (casino) is two wide characters, four columns; "é" written as e and
    /// a combining acute is one; "မြန်မာ" (Myanmar) is ma, medial ra (a spacing mark, one), na,
    /// asat (a nonspacing mark, none), ma, aa (a spacing mark, one): 1 + 1 + 1 + 0 + 1 + 1 = 5;
    /// "កម្ពុជា" (Cambodia) is ka, mo, coeng (none), po, u (none), cha, aa (spacing, one) = 5;
    /// an emoji two, with a skin tone still two.
    @Test func widthsWorkedByHand() {
        #expect(DisplayWidth.of("賭場") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("မြန်မာ") == 5)
        #expect(DisplayWidth.of("កម្ពុជា") == 5)
        #expect(DisplayWidth.of("👍\u{1F3FD}") == 2)
        #expect(DisplayWidth.of("😀") == 2 && DisplayWidth.of("abc") == 3 && DisplayWidth.of("") == 0)
    }

    /// A column of Chinese and Latin names lines up in a terminal: padded by columns, the cells
    /// after it start at the same column on every line.
    @Test func tablesPadByColumns() {
        var t = TextTable(header: ["name", "kind"])
        t.append(["佘智江", "person"])
        t.append(["She Zhijiang", "person"])
        t.append(["KK园区", "compound"])
        let lines = t.text.split(separator: "\n").map(String.init)
        // name column: widest is "She Zhijiang", 12 columns; "佘智江" is 6, "KK园区" is 6.
        #expect(lines[0] == "name          kind")
        #expect(lines[1] == "------------  --------")
        #expect(lines[2] == "佘智江        person")
        #expect(lines[3] == "She Zhijiang  person")
        #expect(lines[4] == "KK园区        compound")
    }
}
