using System.Runtime.InteropServices;

namespace AmduatFs.Store.Files;

/// <summary>
/// Page-aligned native memory for <see cref="DirectIo"/>, mapped with mmap and unmapped on dispose (callers must
/// have finished all I/O into it). Not malloc: glibc raises its mmap threshold after a large free, so buffers of
/// several MiB freed on many threads would stay in malloc arenas and the process would keep hundreds of MiB.
/// </summary>
internal sealed unsafe partial class AlignedBuffer : IDisposable
{
    private const int ProtRead = 0x1;
    private const int ProtWrite = 0x2;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;

    private void* _memory;

    public AlignedBuffer(int length)
    {
        Length = DirectIo.RoundUp(length);
        nint mapped = Mmap(0, (nuint)Length, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (mapped == -1) throw new OutOfMemoryException($"mmap of {Length} bytes failed: errno {Marshal.GetLastPInvokeError()}");
        _memory = (void*)mapped;
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
        Munmap((nint)_memory, (nuint)Length);
        _memory = null;
    }

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static partial int Munmap(nint address, nuint length);
}
