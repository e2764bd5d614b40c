using AmduatFs.Store.Log;

namespace AmduatFs.Store.Tests.Log;

internal static class LogAssert
{
    /// <summary>Record equality by content (<see cref="LogRecord"/>'s own equality compares payload memory by reference).</summary>
    public static void SameRecords(IEnumerable<LogRecord> expected, IEnumerable<LogRecord> actual) =>
        Assert.Equal(expected.Select(Describe), actual.Select(Describe));

    private static string Describe(LogRecord r) =>
        $"logseq {r.Logseq} type 0x{r.Type:x2} at {r.FileOffset} payload {Convert.ToHexStringLower(r.Payload.Span)} hash {r.Hash}";
}
