using System.Buffers.Binary;
using System.Text;
using AmduatFs.Core;

namespace AmduatFs.Store.Replay;

/// <summary>Reads checkpoint fields in order; anything short or malformed is damage to the named checkpoint.</summary>
internal ref struct CheckpointReader(ReadOnlySpan<byte> body, int offset, string name)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _body = body;
    private int _offset = offset;

    public readonly int Offset => _offset;
    public readonly int Remaining => _body.Length - _offset;

    public ushort U16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Take(sizeof(ushort), field));
    public uint U32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Take(sizeof(uint), field));
    public ulong U64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(Take(sizeof(ulong), field));
    public long I64(string field) => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long), field));
    public Digest256 Digest(string field) => new(Take(CheckpointLayout.Length.Digest, field));

    public Reference Reference(string field)
    {
        int start = _offset;
        try
        {
            var reference = FramedReference.Read(_body[_offset..], out int consumed);
            _offset += consumed;
            return reference;
        }
        catch (FormatException bad)
        {
            throw new CorruptDataException("checkpoint", name, $"{field}: {bad.Message}", offset: start);
        }
    }

    public string Text(string field)
    {
        int start = _offset;
        int length = U16(field + " length");
        if (length == 0) throw Damage($"{field} is empty", start);
        var bytes = Take(length, field);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Damage($"{field} is not valid UTF-8", start);
        }
    }

    public readonly CorruptDataException Damage(string reason, int at) => new("checkpoint", name, reason, offset: at);

    private ReadOnlySpan<byte> Take(int length, string field)
    {
        if (Remaining < length) throw Damage($"{field} truncated: needs {length} bytes, {Remaining} remain", _offset);
        var bytes = _body.Slice(_offset, length);
        _offset += length;
        return bytes;
    }
}
