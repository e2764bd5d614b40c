using static AmduatFs.Store.Log.LogFormat;

namespace AmduatFs.Store.Log;

/// <summary>Which <see cref="LogPosition"/> values a scan can return, for checking positions that callers hand back.</summary>
internal static class LogPositionRules
{
    public static string? Problem(LogPosition position)
    {
        if (position == LogPosition.Empty || position == LogPosition.AfterHeader) return null;
        if (position.Logseq == 0) return "logseq 0 belongs only to LogPosition.Empty and LogPosition.AfterHeader";
        long recordBytes = position.Offset - Header.Length.Total;
        if (recordBytes < 0 || (ulong)recordBytes / Record.Length.Overhead < position.Logseq)
            return $"{position.Logseq} records of at least {Record.Length.Overhead} bytes cannot end at byte {position.Offset}";
        return null;
    }
}
