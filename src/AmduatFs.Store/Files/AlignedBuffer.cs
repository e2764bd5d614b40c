using System.Runtime.InteropServices;

namespace AmduatFs.Store.Files;

/// <summary>Native memory aligned for <see cref="DirectIo"/>; freed on dispose (callers must have finished all I/O into it).</summary>
internal sealed unsafe class AlignedBuffer : IDisposable
{
    private void* _memory;

    public AlignedBuffer(int length)
    {
        Length = DirectIo.RoundUp(length);
        _memory = NativeMemory.AlignedAlloc((nuint)Length, DirectIo.Alignment);
    }

    public int Length { get; }

    public Span<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_memory is null, this);
            return new Span<byte>(_memory, Length);
        }
    }

    public void Dispose()
    {
        if (_memory is null) return;
        NativeMemory.AlignedFree(_memory);
        _memory = null;
    }
}
