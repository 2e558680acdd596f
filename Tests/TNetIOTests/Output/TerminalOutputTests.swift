import Testing
@testable import TNetIO

@Suite struct TerminalOutputTests {
    /// Worked by hand: "a\nb\nc\nd" cut to 2 lines shows "a\nb\n" and leaves out 2 (c, and d
    /// without its newline); cut to 4 or more it is whole; "a\nb\n" cut to 2 is whole.
    @Test func cutCountsTheLinesLeftOut() {
        let bytes = Array("a\nb\nc\nd".utf8)
        let (shown, left) = TerminalOutput.cut(bytes, limit: 2)
        #expect(Array(shown) == Array("a\nb\n".utf8) && left == 2)
        #expect(TerminalOutput.cut(bytes, limit: 4).linesLeftOut == 0 && TerminalOutput.cut(bytes, limit: 4).shown.count == bytes.count)
        #expect(TerminalOutput.cut(Array("a\nb\n".utf8), limit: 2).linesLeftOut == 0)
        #expect(TerminalOutput.cut([], limit: 2).linesLeftOut == 0)
    }
}
