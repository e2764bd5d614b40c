using System.Runtime.InteropServices;
using AmduatFs.Store.Files;
using Microsoft.Win32.SafeHandles;

namespace AmduatFs.Store.Tests.Files;

public sealed unsafe partial class WindowedReadTests : IDisposable
{
    private const int FileLength = 4 << 20;
    private readonly string _path = Path.Join(Path.GetTempPath(), $"amduatfs-windowed-{Guid.NewGuid():N}");
    private readonly byte[] _content = new byte[FileLength];

    public WindowedReadTests()
    {
        new Random(7).NextBytes(_content);
        using var stream = new FileStream(_path, FileMode.CreateNew);
        stream.Write(_content);
        stream.Flush(flushToDisk: true); // only clean pages can be evicted
    }

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Reads_the_exact_bytes_whether_cached_or_not_and_stops_at_the_end()
    {
        using var file = File.OpenHandle(_path);
        var buffer = new byte[10_000];
        Assert.Equal(buffer.Length, WindowedRead.ReadAt(file, buffer, 123_457));
        Assert.Equal(_content.AsSpan(123_457, buffer.Length).ToArray(), buffer);

        Evict(file);
        Assert.Equal(buffer.Length, WindowedRead.ReadAt(file, buffer, 3_000_001));
        Assert.Equal(_content.AsSpan(3_000_001, buffer.Length).ToArray(), buffer);

        Assert.Equal(1_000, WindowedRead.ReadAt(file, buffer, FileLength - 1_000));
        Assert.Equal(_content.AsSpan(FileLength - 1_000), buffer.AsSpan(0, 1_000));
        Assert.Equal(0, WindowedRead.ReadAt(file, buffer, FileLength + 5));
    }

    [Fact]
    public void A_miss_brings_the_window_around_the_extent_into_the_page_cache()
    {
        using var file = File.OpenHandle(_path);
        Evict(file);
        const long Offset = 2 << 20;
        const long After = Offset + 768 * 1024, Before = Offset - 256 * 1024, Beyond = Offset + WindowedRead.WindowAfter + 512 * 1024;
        if (IsCached(file, After))
            return; // this file system keeps no evictable page cache (tmpfs): nothing to observe

        var buffer = new byte[8192];
        Assert.Equal(buffer.Length, WindowedRead.ReadAt(file, buffer, Offset));
        Assert.Equal(_content.AsSpan((int)Offset, buffer.Length).ToArray(), buffer);

        // WILLNEED does not wait for the I/O it starts.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(IsCached(file, After) && IsCached(file, Before)) && DateTime.UtcNow < deadline)
            Thread.Sleep(10);
        Assert.True(IsCached(file, After), "the window after the extent was not read ahead");
        Assert.True(IsCached(file, Before), "the window before the extent was not read ahead");
        Assert.False(IsCached(file, Beyond), "more than the window was read");
    }

    private static void Evict(SafeFileHandle file) =>
        Assert.Equal(0, PosixFadvise((int)file.DangerousGetHandle(), 0, 0, 4 /* POSIX_FADV_DONTNEED */));

    /// <summary>mincore of one page: unlike a probing read, it starts no readahead itself.</summary>
    private static bool IsCached(SafeFileHandle file, long offset)
    {
        const int Page = 4096;
        void* map = Mmap(null, FileLength, 1 /* PROT_READ */, 1 /* MAP_SHARED */, (int)file.DangerousGetHandle(), 0);
        Assert.NotEqual(-1, (nint)map);
        try
        {
            byte resident;
            Assert.Equal(0, Mincore((byte*)map + offset / Page * Page, Page, &resident));
            return (resident & 1) != 0;
        }
        finally
        {
            Munmap(map, FileLength);
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "mmap")]
    private static partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc.so.6", EntryPoint = "munmap")]
    private static partial int Munmap(void* address, nuint length);

    [LibraryImport("libc.so.6", EntryPoint = "mincore")]
    private static partial int Mincore(void* address, nuint length, byte* vector);

    [LibraryImport("libc.so.6", EntryPoint = "posix_fadvise")]
    private static partial int PosixFadvise(int fd, long offset, long length, int advice);
}
