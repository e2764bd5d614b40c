using System.Buffers.Binary;
using AmduatFs.Core;
using static AmduatFs.Store.Log.LogFormat.Payload;

namespace AmduatFs.Store.Log;

/// <summary>Reads a payload field by field, front to back; every failure is a <see cref="FormatException"/> naming the record type and field.</summary>
internal ref struct PayloadReader(LogRecordType type, ReadOnlySpan<byte> payload)
{
    private ReadOnlySpan<byte> _rest = payload;

    public ulong U64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(Take(field, Length.U64));

    public long I64(string field) => BinaryPrimitives.ReadInt64LittleEndian(Take(field, Length.U64));

    /// <summary>A u64 that is never 0 (logseqs, snapshot ids).</summary>
    public ulong NonZeroU64(string field)
    {
        ulong value = U64(field);
        if (value == 0) throw Error($"{field} is 0, which is never valid");
        return value;
    }

    public DomainId Domain()
    {
        var domain = new DomainId(BinaryPrimitives.ReadUInt32LittleEndian(Take("domain", Length.Domain)));
        if (domain == DomainId.None) throw Error("domain is 0, which is never valid");
        return domain;
    }

    public Digest256 Digest(string field) => new(Take(field, Digest256.Length));

    public Reference Reference(string field)
    {
        try
        {
            var reference = FramedReference.Read(_rest, out int consumed);
            _rest = _rest[consumed..];
            return reference;
        }
        catch (FormatException e)
        {
            throw Error($"{field}: {e.Message}");
        }
    }

    public string Name(string field)
    {
        int length = BinaryPrimitives.ReadUInt16LittleEndian(Take(field + " length", Length.NameLength));
        var bytes = Take(field, length);
        if (LogNames.Problem(bytes) is string problem) throw Error($"{field}: {problem}");
        try
        {
            return LogNames.StrictUtf8.GetString(bytes);
        }
        catch (ArgumentException)
        {
            throw Error($"{field} is not valid UTF-8");
        }
    }

    public readonly void End()
    {
        if (!_rest.IsEmpty) throw Error($"{_rest.Length} trailing bytes follow the last field");
    }

    private ReadOnlySpan<byte> Take(string field, int count)
    {
        if (_rest.Length < count) throw Error($"{field} needs {count} bytes but {_rest.Length} remain");
        var taken = _rest[..count];
        _rest = _rest[count..];
        return taken;
    }

    private readonly FormatException Error(string problem) => new($"{type} payload (record type 0x{(uint)type:x2}): {problem}");
}
