namespace AmduatFs.Store.Log;

/// <summary>
/// A point in a log file: the byte <paramref name="Offset"/> just past the record numbered
/// <paramref name="Logseq"/>, whose chain hash is <paramref name="Hash"/>. Enough to resume a scan
/// (checkpoints) or to continue appending.
/// </summary>
public readonly record struct LogPosition(long Offset, ulong Logseq, Digest256 Hash)
{
    /// <summary>A file without its header (missing, empty or torn inside the header): a writer starts it afresh.</summary>
    public static LogPosition Empty => default;

    /// <summary>Just past the header, before the first record; the chain starts from 32 zero bytes.</summary>
    public static LogPosition AfterHeader => new(LogFormat.Header.Length.Total, 0, default);
}
