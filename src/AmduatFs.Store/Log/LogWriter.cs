using AmduatFs.Store.Files;
using AmduatFs.Core;
using static AmduatFs.Store.Log.LogFormat;

namespace AmduatFs.Store.Log;

/// <summary>
/// Appends records to one ENC/ASL-LOG/1 file (docs/format.md, "Log"). Each <see cref="Append"/> writes
/// its whole batch with one write and makes it durable with one fsync before returning; only then may
/// the records be acknowledged. Not thread-safe: the store's group commit is its only caller.
/// </summary>
public sealed class LogWriter : IDisposable
{
    private readonly ILogFile _file;
    private readonly string _path;
    private bool _failed;
    private bool _disposed;

    private LogWriter(ILogFile file, string path, LogPosition end)
    {
        _file = file;
        _path = path;
        End = end;
    }

    /// <summary>Where the next record goes, and the logseq and hash it chains from.</summary>
    public LogPosition End { get; private set; }

    /// <summary>
    /// Opens the log at <paramref name="path"/> (creating it at <see cref="LogPosition.Empty"/>) to append at <paramref name="validEnd"/>,
    /// which must be <see cref="LogScanResult.End"/> of a scan of this file. Bytes past it (a torn tail)
    /// are truncated away; at <see cref="LogPosition.Empty"/> a fresh header is written. Both are made
    /// durable before this returns.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="validEnd"/> is not a position a scan returns, or lies past the end of the file.</exception>
    /// <exception cref="FileNotFoundException">there is no log at <paramref name="path"/> and <paramref name="validEnd"/> is not <see cref="LogPosition.Empty"/>.</exception>
    /// <exception cref="IOException">opening, truncating, writing or flushing failed.</exception>
    public static LogWriter Open(string path, LogPosition validEnd)
    {
        string fullPath = Path.GetFullPath(path);
        if (LogPositionRules.Problem(validEnd) is string problem)
            throw new ArgumentException($"cannot append to {fullPath} at {validEnd}: {problem}", nameof(validEnd));
        var mode = validEnd == LogPosition.Empty ? FileMode.OpenOrCreate : FileMode.Open;
        var file = new RandomAccessLogFile(File.OpenHandle(fullPath, mode, FileAccess.ReadWrite, FileShare.Read));
        try
        {
            return Open(file, fullPath, validEnd);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The seam for tests: <paramref name="validEnd"/> is already known to be a position a scan returns.</summary>
    internal static LogWriter Open(ILogFile file, string fullPath, LogPosition validEnd)
    {
        long length = file.Length;
        if (length < validEnd.Offset)
            throw new ArgumentException($"the log {fullPath} is {length} bytes, shorter than the valid end {validEnd.Offset} to append at", nameof(validEnd));

        if (validEnd == LogPosition.Empty)
        {
            if (length >= Header.Length.Total)
                throw new ArgumentException($"the log {fullPath} is {length} bytes; a scan returns LogPosition.Empty only for files shorter than the {Header.Length.Total}-byte header", nameof(validEnd));
            Span<byte> header = stackalloc byte[Header.Length.Total];
            LogHeader.Write(header);
            file.SetLength(0);
            file.Write(header, 0);
            file.Flush();
            Files.DurableFile.FsyncDirectory(Path.GetDirectoryName(fullPath)!);
            return new LogWriter(file, fullPath, LogPosition.AfterHeader);
        }
        if (length > validEnd.Offset)
        {
            file.SetLength(validEnd.Offset);
            file.Flush();
        }
        return new LogWriter(file, fullPath, validEnd);
    }

    /// <summary>Appends <paramref name="batch"/> as consecutive records and returns them as written.</summary>
    /// <exception cref="ArgumentException">a payload cannot be encoded (see <see cref="LogPayloadCodec.Encode"/>), or the batch is too large for one write.</exception>
    /// <exception cref="InvalidOperationException">an earlier append failed, or the encoded bytes do not decode back to the batch (nothing was written).</exception>
    /// <exception cref="IOException">
    /// the write or fsync failed. The file is truncated back to <see cref="End"/> where possible, so a later
    /// scan sees the old end or a torn tail; this writer refuses further appends.
    /// </exception>
    public IReadOnlyList<LogRecord> Append(IReadOnlyList<LogPayload> batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failed) throw new InvalidOperationException($"an earlier append to {_path} failed; scan the log again and open a new writer");
        if (batch.Count == 0) return [];

        var payloads = new byte[batch.Count][];
        long total = 0;
        for (int i = 0; i < batch.Count; i++)
        {
            payloads[i] = LogPayloadCodec.Encode(batch[i]);
            total += Record.Length.Overhead + payloads[i].Length;
        }
        if (total > Array.MaxLength)
            throw new ArgumentException($"a batch of {total} bytes is too large for one write; split it", nameof(batch));

        var bytes = new byte[total];
        var records = new LogRecord[batch.Count];
        var end = End;
        int position = 0;
        for (int i = 0; i < batch.Count; i++)
        {
            int length = Record.Length.Overhead + payloads[i].Length;
            ulong logseq = end.Logseq + 1;
            uint type = (uint)batch[i].Type;
            var hash = LogRecordEnvelope.Write(bytes.AsSpan(position, length), logseq, type, payloads[i], end.Hash);
            records[i] = new LogRecord(logseq, type, bytes.AsMemory(position + Record.Offset.Payload, payloads[i].Length), hash, end.Offset);
            end = new LogPosition(end.Offset + length, logseq, hash);
            position += length;
        }

        VerifyBeforeDurable(bytes, batch, records);
        WriteDurably(bytes);
        End = end;
        return records;
    }

    // Decodes the batch with the reader's own parser before it is sealed into the chain: an encoder bug
    // caught here costs a failed commit; caught after the fsync, it would be a damaged log.
    private void VerifyBeforeDurable(byte[] bytes, IReadOnlyList<LogPayload> batch, LogRecord[] records)
    {
        var position = End;
        int offset = 0;
        for (int i = 0; i < batch.Count; i++)
        {
            LogRecord reread;
            LogPayload? decoded;
            try
            {
                var fields = LogRecordEnvelope.ReadHeader(bytes.AsSpan(offset), position.Logseq + 1, position.Offset);
                reread = LogRecordEnvelope.Verify(bytes.AsSpan(offset, fields.RecordLength), fields, position.Hash, position.Offset);
                decoded = LogPayloadCodec.Decode(reread.Type, reread.Payload.Span);
            }
            catch (Exception e) when (e is CorruptDataException or FormatException)
            {
                throw new InvalidOperationException($"log record logseq {records[i].Logseq} ({batch[i]}) was encoded into bytes that do not decode; nothing was written", e);
            }
            if (reread.Hash != records[i].Hash || !Equals(decoded, batch[i]))
                throw new InvalidOperationException($"log record logseq {records[i].Logseq} was encoded from {batch[i]} but decodes to {decoded}; nothing was written");
            offset += Record.Length.Overhead + reread.Payload.Length;
            position = new LogPosition(position.Offset + Record.Length.Overhead + reread.Payload.Length, reread.Logseq, reread.Hash);
        }
    }

    private void WriteDurably(byte[] bytes)
    {
        try
        {
            _file.Write(bytes, End.Offset);
            _file.Flush();
        }
        catch (IOException)
        {
            _failed = true;
            RollBack();
            throw;
        }
    }

    // After a failed write or fsync the state of the tail is unknown. Cutting it off leaves the old end;
    // if even that fails, what remains is at worst a torn tail or records that were never acknowledged,
    // both of which the next scan handles, so the original error is the one to report.
    private void RollBack()
    {
        try
        {
            _file.SetLength(End.Offset);
            _file.Flush();
        }
        catch (IOException)
        {
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _file.Dispose();
    }
}
