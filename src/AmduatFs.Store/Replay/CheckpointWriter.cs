using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AmduatFs.Core;

namespace AmduatFs.Store.Replay;

/// <summary>Appends checkpoint fields in order; <see cref="Finish"/> adds the SHA-256 trailer.</summary>
internal sealed class CheckpointWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    public void Bytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void U16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.GetSpan(sizeof(ushort)), value);
        _buffer.Advance(sizeof(ushort));
    }

    public void U32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(sizeof(uint)), value);
        _buffer.Advance(sizeof(uint));
    }

    public void U64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(sizeof(ulong)), value);
        _buffer.Advance(sizeof(ulong));
    }

    public void I64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(sizeof(long)), value);
        _buffer.Advance(sizeof(long));
    }

    public void Digest(Digest256 digest)
    {
        digest.WriteTo(_buffer.GetSpan(CheckpointLayout.Length.Digest));
        _buffer.Advance(CheckpointLayout.Length.Digest);
    }

    public void Reference(Reference reference) =>
        _buffer.Advance(FramedReference.Write(_buffer.GetSpan(FramedReference.SizeOf(reference)), reference));

    /// <exception cref="ArgumentException">the text is not encodable (lone surrogate) or longer than 65535 UTF-8 bytes.</exception>
    public void Text(string text, string field)
    {
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException($"{field} '{text}' is not valid Unicode");
        }
        if (bytes.Length > CheckpointLayout.Length.MaxText)
            throw new ArgumentException($"{field} is {bytes.Length} UTF-8 bytes; at most {CheckpointLayout.Length.MaxText} fit");
        U16((ushort)bytes.Length);
        Bytes(bytes);
    }

    public byte[] Finish()
    {
        Span<byte> trailer = stackalloc byte[CheckpointLayout.Length.Trailer];
        SHA256.HashData(_buffer.WrittenSpan, trailer);
        Bytes(trailer);
        return _buffer.WrittenSpan.ToArray();
    }
}
