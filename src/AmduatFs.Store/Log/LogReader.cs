using Microsoft.Win32.SafeHandles;
using static AmduatFs.Store.Log.LogFormat;

namespace AmduatFs.Store.Log;

/// <summary>
/// Reads an ENC/ASL-LOG/1 file strictly, front to back (docs/format.md, "Log"). Every record handed out
/// has a verified chain hash. An incomplete final record (or header) is a torn tail: the scan ends before
/// it and says so in <see cref="LogScanResult.TornTail"/>. Anything else wrong is damage, and since a
/// hash-chained log cannot be trusted past a break, the scan throws there. Unknown record types are
/// handed out like any other; their hashes are part of the chain.
/// </summary>
public static class LogReader
{
    /// <inheritdoc cref="Scan(SafeFileHandle, LogPosition?, Action{LogRecord})"/>
    /// <exception cref="FileNotFoundException">there is no log at <paramref name="path"/>.</exception>
    public static LogScanResult Scan(string path, LogPosition? resumeFrom, Action<LogRecord> onRecord)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return Scan(file, resumeFrom, onRecord);
    }

    /// <summary>
    /// Passes each verified record after <paramref name="resumeFrom"/> (or from the first, when null) to
    /// <paramref name="onRecord"/> in logseq order, and returns where verified data ends. A resume point
    /// must come from an earlier scan or writer of this same file; its hash is checked against the file.
    /// </summary>
    /// <exception cref="AmduatFs.Core.CorruptDataException">
    /// the header or a complete record is damaged: a hash that does not chain, a logseq other than the
    /// previous plus one, payload_len over the cap, or a resume point the file does not match. Records
    /// before the damaged one have already been passed to <paramref name="onRecord"/>.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="resumeFrom"/> is not a position a scan could return.</exception>
    /// <exception cref="IOException">reading the file failed.</exception>
    public static LogScanResult Scan(SafeFileHandle file, LogPosition? resumeFrom, Action<LogRecord> onRecord)
    {
        using var window = new LogFileWindow(file);
        if (resumeFrom is { } resume) return ScanRecords(window, CheckResumePoint(window, resume), onRecord);

        var header = window.Read(0, Header.Length.Total);
        if (header.Length < Header.Length.Total)
        {
            LogHeader.CheckPrefix(header);
            var torn = header.IsEmpty ? null : new LogTornTail(0, header.Length, $"the header is torn: {header.Length} of its {Header.Length.Total} bytes were written");
            return new LogScanResult(LogPosition.Empty, torn);
        }
        LogHeader.Check(header);
        return ScanRecords(window, LogPosition.AfterHeader, onRecord);
    }

    private static LogScanResult ScanRecords(LogFileWindow window, LogPosition position, Action<LogRecord> onRecord)
    {
        while (position.Offset < window.Length)
        {
            long offset = position.Offset;
            ulong expected = checked(position.Logseq + 1);
            var header = window.Read(offset, Record.Length.Header);
            if (header.Length < Record.Length.Header)
                return Torn(position, window, $"record logseq {expected} is torn: {header.Length} of its {Record.Length.Header} header bytes were written");

            var fields = LogRecordEnvelope.ReadHeader(header, expected, offset);
            var bytes = window.Read(offset, fields.RecordLength);
            if (bytes.Length < fields.RecordLength)
            {
                if (LogRecordEnvelope.FindIntactPayloadLength(bytes, fields, position.Hash) is int intact)
                    LogDamage.Record(expected, $"payload_len is {fields.PayloadLength}, which runs past the end of the file, but the record is intact with payload_len {intact}", offset);
                return Torn(position, window, $"record logseq {expected} is torn: {bytes.Length} of its {fields.RecordLength} bytes were written");
            }

            var record = LogRecordEnvelope.Verify(bytes, fields, position.Hash, offset);
            onRecord(record);
            position = new LogPosition(offset + fields.RecordLength, record.Logseq, record.Hash);
        }
        return new LogScanResult(position, null);
    }

    private static LogScanResult Torn(LogPosition end, LogFileWindow window, string reason) =>
        new(end, new LogTornTail(end.Offset, window.Length - end.Offset, reason));

    private static LogPosition CheckResumePoint(LogFileWindow window, LogPosition resume)
    {
        string? problem = resume == LogPosition.Empty
            ? "a resume point lies at or after the header; pass null to scan from the start"
            : LogPositionRules.Problem(resume);
        if (problem is not null) throw new ArgumentException($"cannot resume at {resume}: {problem}", "resumeFrom");
        if (window.Length < resume.Offset)
            LogDamage.Record(resume.Logseq, $"the file ends at byte {window.Length}, before the resume point at byte {resume.Offset}", window.Length);

        LogHeader.Check(window.Read(0, Header.Length.Total));
        if (resume != LogPosition.AfterHeader)
        {
            long hashOffset = resume.Offset - Record.Length.Hash;
            var stored = new Digest256(window.Read(hashOffset, Record.Length.Hash));
            if (stored != resume.Hash)
                LogDamage.Record(resume.Logseq, $"the record ending at the resume point carries hash {stored}, not the resume point's {resume.Hash}", hashOffset);
        }
        return resume;
    }
}
