import Testing
@testable import TNetIO

@Suite struct FieldCodecTests {
    /// A `;`-separated list: one id with nothing around it is taken as it is (the fast path),
    /// anything else split, each item trimmed of spaces and tabs, empty items dropped.
    @Test func listsSplitTrimAndDropEmpties() {
        #expect(FieldCodec.list("") == [])
        #expect(FieldCodec.list("synthetic") == ["synthetic"])
        #expect(FieldCodec.list(" s1 ") == ["s1"])
        #expect(FieldCodec.list("\ts1") == ["s1"])
        #expect(FieldCodec.list("s1;s2") == ["s1", "s2"])
        #expect(FieldCodec.list("s1 ; ;\ts2;") == ["s1", "s2"])
        #expect(FieldCodec.list(";") == [])
        #expect(FieldCodec.list("   ") == [])
        #expect(FieldCodec.list("ohchr 2023") == ["ohchr 2023"])
        #expect(FieldCodec.list("é") == ["é"])
    }
}
