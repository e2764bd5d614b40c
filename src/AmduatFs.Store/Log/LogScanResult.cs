namespace AmduatFs.Store.Log;

/// <summary>
/// How a scan ended. <paramref name="End"/> is where verified data ends; <paramref name="TornTail"/>
/// says what lies beyond it, if anything (the caller warns, and a writer truncates it away).
/// </summary>
public sealed record LogScanResult(LogPosition End, LogTornTail? TornTail)
{
    /// <summary>The file holds no complete header; a writer must write one.</summary>
    public bool NeedsHeader => End.Offset == 0;
}

/// <summary>An incomplete final record (or header): what a crash mid-append, or a writer still appending, leaves.</summary>
public sealed record LogTornTail(long Offset, long BytesDropped, string Reason);
