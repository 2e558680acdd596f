import Testing
@testable import TNetIO

/// The time left that progress shows on a terminal: the pace so far carried to the end, worked
/// by hand, and nothing where it cannot be told.
@Suite struct TerminalProgressTests {
    @Test func timeLeftIsThePaceSoFarCarriedToTheEnd() {
        // 10 s for 25 %: 30 s for the 75 % to go.
        #expect(TerminalProgress.timeLeft(elapsed: 10, done: 0.25) == "about 30 s left")
        // 6 s for 10 %: 54 s, to the nearest 5.
        #expect(TerminalProgress.timeLeft(elapsed: 6, done: 0.1) == "about 55 s left")
        // 30 s for 20 %: 120 s.
        #expect(TerminalProgress.timeLeft(elapsed: 30, done: 0.2) == "about 2 min left")
        // 20 s for 90 %: 2.2 s, never shown as 0.
        #expect(TerminalProgress.timeLeft(elapsed: 20, done: 0.9) == "about 5 s left")
        // 600 s for 5 %: 11,400 s, a little over 3 h.
        #expect(TerminalProgress.timeLeft(elapsed: 600, done: 0.05) == "about 3 h left")
        // First told at 20 %, now 40 % after 14 s: 14 s per 20 %, 42 s for the 60 % to go
        // (helper-55's set search; 21 s if the first 20 % were counted as done in those 14 s).
        #expect(TerminalProgress.timeLeft(elapsed: 14, done: 0.4, since: 0.2) == "about 40 s left")
    }

    @Test func nothingIsToldTooEarlyOrAtTheEnd() {
        #expect(TerminalProgress.timeLeft(elapsed: 4, done: 0.5) == nil)
        #expect(TerminalProgress.timeLeft(elapsed: 60, done: 0.04) == nil)
        #expect(TerminalProgress.timeLeft(elapsed: 60, done: 1) == nil)
        #expect(TerminalProgress.timeLeft(elapsed: 60, done: 0.5, since: 0.48) == nil)
    }
}
