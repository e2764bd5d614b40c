using AmduatFs.Core;
using AmduatFs.Store.Tests.Blocks;
using Microsoft.Extensions.Logging.Abstractions;

namespace AmduatFs.Store.Tests.Engine;

/// <summary>
/// <see cref="IArtifactSink.PutFile"/> on files larger than one 8 MiB read window: the artifact must be
/// exactly the file's bytes whatever the window boundaries, and a file whose length differs from the
/// one stated must be refused rather than stored cut short or with a stale length.
/// </summary>
public sealed class FileIngestTests : IDisposable
{
    private const int Window = 8 << 20;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(Window)]
    [InlineData(Window + 12_345)]
    [InlineData(2 * Window + 1)]
    [InlineData(600_000)]
    public void A_file_is_stored_as_exactly_its_bytes(int length)
    {
        var bytes = RandomBytes(length, seed: length);
        Assert.Equal(ArtifactEncoding.ComputeReference(bytes, null), PutAndReadBack(_dir.Path, bytes));
    }

    [Fact]
    public void A_file_on_a_filesystem_without_direct_io_is_stored_too()
    {
        // tmpfs refuses O_DIRECT, so reads and block writes there stay buffered.
        if (!Directory.Exists("/dev/shm")) return;
        string root = Directory.CreateTempSubdirectory("amduatfs-shm-").FullName;
        try
        {
            var bytes = RandomBytes(Window + 999, seed: 3);
            Assert.Equal(ArtifactEncoding.ComputeReference(bytes, null), PutAndReadBack(root, bytes));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData(Window + 10, Window)]         // ends exactly at a window: only a probe past it can tell
    [InlineData(Window + 10, Window + 9)]
    [InlineData(3 * Window, Window + 100)]
    [InlineData(Window + 10, Window + 11)]    // shorter than stated
    [InlineData(Window, 2 * Window)]
    public void A_file_whose_length_is_not_the_stated_one_is_refused(int actual, int stated)
    {
        using var store = NewStore(_dir.Path);
        string path = WriteFile(_dir.Path, RandomBytes(actual, seed: 1));
        using var file = File.OpenHandle(path);
        var error = Assert.Throws<IOException>(() => store.Sink(DomainId.Local).PutFile(file, stated));
        Assert.Contains("file changed while it was read", error.Message);
    }

    private static Reference PutAndReadBack(string directory, byte[] bytes)
    {
        using var store = NewStore(directory);
        string path = WriteFile(directory, bytes);
        Reference reference;
        using (var file = File.OpenHandle(path)) reference = store.Sink(DomainId.Local).PutFile(file, bytes.Length);
        store.Commit();
        Assert.Equal(bytes, store.View(DomainId.Local).ReadArtifact(reference).Bytes.ToArray());
        return reference;
    }

    private static ArtifactStore NewStore(string directory) =>
        ArtifactStore.Init(Path.Combine(directory, "store"), StoreConfig.Default, NullLoggerFactory.Instance);

    private static string WriteFile(string directory, byte[] bytes)
    {
        string path = Path.Combine(directory, "source.bin");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
