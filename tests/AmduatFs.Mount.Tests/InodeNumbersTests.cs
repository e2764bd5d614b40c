namespace AmduatFs.Mount.Tests;

/// <summary>st_ino values are part of what users see across remounts and versions: they must never drift.</summary>
public sealed class InodeNumbersTests
{
    [Fact]
    public void Numbers_are_fixed_by_domain_snapshot_and_path()
    {
        ulong root = InodeNumbers.Root("local", "snapshots", "s1");
        Assert.Equal(root, InodeNumbers.Root("local", "snapshots", "s1"));
        Assert.Equal(GoldenRoot, root);
        Assert.Equal(GoldenChild, InodeNumbers.Child(root, "a.txt"u8));
        Assert.NotEqual(root, InodeNumbers.Root("local", "snapshots", "s2"));
        Assert.NotEqual(InodeNumbers.Child(root, "a"u8), InodeNumbers.Child(root, "b"u8));
        Assert.NotEqual(InodeNumbers.Root("local", "snapshotss1"), InodeNumbers.Root("local", "snapshots", "s1"));
    }

    [Fact]
    public void Numbers_are_never_0_or_1()
    {
        for (int i = 0; i < 10_000; i++) Assert.True(InodeNumbers.Child((ulong)i, BitConverter.GetBytes(i)) >= 2);
    }

    // Computed independently: first 8 bytes, little-endian, of SHA-256("local\0snapshots\0s1"), and of
    // SHA-256(u64le(root) ‖ "a.txt") (python3 hashlib + struct), as docs/mount.md describes.
    private const ulong GoldenRoot = 2832676864182320226;
    private const ulong GoldenChild = 12451039291052549008;
}
