using System.Buffers.Binary;
using AmduatFs.Core;
using static AmduatFs.Store.Log.LogFormat.Payload;

namespace AmduatFs.Store.Log;

/// <summary>Builds a payload field by field into an array sized up front by the caller.</summary>
internal ref struct PayloadWriter(byte[] destination)
{
    private int _written;

    public void U64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Next(Length.U64), value);

    public void I64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Next(Length.U64), value);

    public void Domain(DomainId domain) => BinaryPrimitives.WriteUInt32LittleEndian(Next(Length.Domain), domain.Value);

    public void Digest(Digest256 digest) => digest.WriteTo(Next(Digest256.Length));

    public void Reference(Reference reference) => FramedReference.Write(Next(FramedReference.SizeOf(reference)), reference);

    public void Name(byte[] utf8)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(Next(Length.NameLength), (ushort)utf8.Length);
        utf8.CopyTo(Next(utf8.Length));
    }

    public readonly byte[] Finish()
    {
        if (_written != destination.Length)
            throw new InvalidOperationException($"payload sized {destination.Length} bytes but {_written} were written");
        return destination;
    }

    private Span<byte> Next(int count)
    {
        var span = destination.AsSpan(_written, count);
        _written += count;
        return span;
    }
}
