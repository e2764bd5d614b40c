using System.Buffers.Binary;
using AmduatFs.Core;
using AmduatFs.Store.Log;
using Header = AmduatFs.Store.Log.LogFormat.Header;
using Record = AmduatFs.Store.Log.LogFormat.Record;

namespace AmduatFs.Store.Tests.Log;

/// <summary>A log in a temporary directory, with byte-surgery helpers in the style of LevelDB's log_test.cc.</summary>
internal sealed class LogTestFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("amduat-log-").FullName;

    public LogTestFile() => Path = System.IO.Path.Combine(_directory, "log");

    public string Path { get; }

    public byte[] Bytes
    {
        get => File.ReadAllBytes(Path);
        set => File.WriteAllBytes(Path, value);
    }

    /// <summary>A log holding one batch per argument.</summary>
    public static LogTestFile With(params LogPayload[][] batches)
    {
        var log = new LogTestFile();
        foreach (var batch in batches) log.Append(batch);
        return log;
    }

    public IReadOnlyList<LogRecord> Append(params LogPayload[] batch)
    {
        var end = File.Exists(Path) ? Scan().Result.End : LogPosition.Empty;
        using var writer = LogWriter.Open(Path, end);
        return writer.Append(batch);
    }

    /// <summary>Appends a correctly chained record of any type, bypassing the payload codec.</summary>
    public void AppendRaw(uint recordType, byte[] payload)
    {
        var end = Scan().Result.End;
        var record = new byte[Record.Length.Overhead + payload.Length];
        LogRecordEnvelope.Write(record, end.Logseq + 1, recordType, payload, end.Hash);
        Bytes = [.. Bytes, .. record];
    }

    public (List<LogRecord> Records, LogScanResult Result) Scan(LogPosition? resumeFrom = null)
    {
        var records = new List<LogRecord>();
        var result = LogReader.Scan(Path, resumeFrom, records.Add);
        return (records, result);
    }

    public (List<LogRecord> Records, CorruptDataException Error) ScanExpectingDamage(LogPosition? resumeFrom = null)
    {
        var records = new List<LogRecord>();
        var error = Assert.Throws<CorruptDataException>(() => LogReader.Scan(Path, resumeFrom, records.Add));
        return (records, error);
    }

    public void IncrementByte(long offset, int delta)
    {
        var bytes = Bytes;
        bytes[offset] = (byte)(bytes[offset] + delta);
        Bytes = bytes;
    }

    public void FlipBit(long offset, int bit)
    {
        var bytes = Bytes;
        bytes[offset] ^= (byte)(1 << bit);
        Bytes = bytes;
    }

    public void ShrinkSize(int bytes)
    {
        var all = Bytes;
        Bytes = all[..^bytes];
    }

    public void SetUInt32(long offset, uint value)
    {
        var bytes = Bytes;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)offset), value);
        Bytes = bytes;
    }

    public void SetUInt64(long offset, ulong value)
    {
        var bytes = Bytes;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan((int)offset), value);
        Bytes = bytes;
    }

    /// <summary>Recomputes the chain hash of every record from <paramref name="recordOffset"/> on, so only the damage under test remains.</summary>
    public void FixChain(long recordOffset)
    {
        var bytes = Bytes;
        int offset = (int)recordOffset;
        var previous = offset == Header.Length.Total ? default : new Digest256(bytes.AsSpan(offset - Record.Length.Hash, Record.Length.Hash));
        while (offset < bytes.Length)
        {
            int payloadLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + Record.Offset.PayloadLength));
            int hashed = Record.Length.Header + payloadLength;
            previous = LogRecordEnvelope.ChainHash(previous, bytes.AsSpan(offset, hashed));
            previous.WriteTo(bytes.AsSpan(offset + hashed));
            offset += hashed + Record.Length.Hash;
        }
        Bytes = bytes;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
