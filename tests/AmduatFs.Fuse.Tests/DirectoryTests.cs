namespace AmduatFs.Fuse.Tests;

public sealed class DirectoryTests
{
    private const int ManyEntries = 5000;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Lists_thousands_of_entries_across_many_requests(bool readdirPlus)
    {
        var fs = new MemoryFileSystem { DisableReaddirPlus = !readdirPlus };
        for (int i = 0; i < ManyEntries; i++) fs.AddFile($"file-{i:D5}-with-a-longer-name", new byte[i % 7]);
        using var mount = new TestMount(fs: fs);

        var names = Directory.GetFileSystemEntries(mount.Directory).Select(Path.GetFileName).ToArray();

        Assert.Equal(ManyEntries, names.Length);
        Assert.Equal(Enumerable.Range(0, ManyEntries).Select(i => $"file-{i:D5}-with-a-longer-name"), names.Order());
        // Readdirplus hands the kernel an entry (one lookup) per name; plain readdir none. With readdirplus "auto"
        // the kernel uses plus for the first request of a listing, so look at the first name.
        Assert.Equal(readdirPlus ? 1 : 0, fs.LookupsOf("file-00000-with-a-longer-name"));
    }

    [FuseFact]
    public void Ls_style_listing_returns_attributes_of_every_entry()
    {
        var fs = new MemoryFileSystem();
        for (int i = 0; i < 300; i++) fs.AddFile($"f{i}", new byte[i]);
        using var mount = new TestMount(fs: fs);

        var sizes = new DirectoryInfo(mount.Directory).EnumerateFiles().ToDictionary(f => f.Name, f => f.Length);

        Assert.Equal(300, sizes.Count);
        for (int i = 0; i < 300; i++) Assert.Equal(i, sizes[$"f{i}"]);
        Assert.Equal(1, fs.LookupsOf("f299"));
    }

    [FuseFact]
    public void Subdirectory_listing_includes_created_entries()
    {
        using var mount = new TestMount();
        Directory.CreateDirectory(mount.PathOf("d/e"));
        File.WriteAllText(mount.PathOf("d/file"), "x");
        Assert.Equal(["e", "file"], Directory.GetFileSystemEntries(mount.PathOf("d")).Select(Path.GetFileName).Order());
        Assert.Equal(0, Posix.Stat(mount.PathOf("d"), out var d));
        Assert.Equal(3UL, d.Nlink);
    }
}
