using System.Text;

namespace AmduatFs.Fuse.Tests;

public sealed class FileOperationTests
{
    [FuseFact]
    public void Root_stat_and_lookup_of_missing_name()
    {
        using var mount = new TestMount();
        Assert.Equal(0, Posix.Stat(mount.Directory, out var root));
        Assert.Equal(MemoryFileSystem.S_IFDIR, root.Mode & MemoryFileSystem.S_IFMT);
        Assert.Equal(MemoryFileSystem.RootId, root.Ino);
        Assert.Equal(Errno.ENOENT, Posix.Stat(mount.PathOf("missing"), out _));
        Assert.Equal(Errno.ENOENT, Posix.Stat(mount.PathOf("missing"), out _)); // now from the cached negative entry
        Assert.Equal(1, mount.Fs.InitCalls);
        Assert.NotEqual(0u, mount.Fs.NegotiatedWant & FuseConnection.ReaddirPlus);
    }

    [FuseFact]
    public void Write_and_read_at_offsets_including_1_MiB_requests()
    {
        using var mount = new TestMount();
        string path = mount.PathOf("data");
        var content = new byte[3 * (1 << 20) + 12345];
        new Random(7).NextBytes(content);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
        {
            stream.Write(content, 0, 1 << 20);
            stream.Write(content, 1 << 20, content.Length - (1 << 20));
        }
        Assert.Equal(content.Length, new FileInfo(path).Length);
        Assert.Equal(content, File.ReadAllBytes(path));

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 0))
        {
            stream.Position = 5000;
            stream.Write("patched"u8);
            var readBack = new byte[1 << 20];
            stream.Position = 4000;
            int n = stream.ReadAtLeast(readBack, readBack.Length);
            Assert.Equal(1 << 20, n);
            Assert.Equal(content.AsSpan(4000, 1000).ToArray(), readBack[..1000]);
            Assert.Equal("patched"u8.ToArray(), readBack[1000..1007]);
            stream.Position = content.Length - 10;
            Assert.Equal(10, stream.Read(readBack, 0, 100));
        }
    }

    [FuseFact]
    public void Create_unlink_rename_mkdir_rmdir()
    {
        using var mount = new TestMount();
        File.WriteAllText(mount.PathOf("a"), "alpha");
        Directory.CreateDirectory(mount.PathOf("dir"));
        File.Move(mount.PathOf("a"), mount.PathOf("dir/b"));
        Assert.False(File.Exists(mount.PathOf("a")));
        Assert.Equal("alpha", File.ReadAllText(mount.PathOf("dir/b")));

        File.WriteAllText(mount.PathOf("c"), "gamma");
        File.Move(mount.PathOf("c"), mount.PathOf("dir/b"), overwrite: true);
        Assert.Equal("gamma", File.ReadAllText(mount.PathOf("dir/b")));

        var notEmpty = Assert.Throws<IOException>(() => Directory.Delete(mount.PathOf("dir")));
        Assert.Contains("not empty", notEmpty.Message, StringComparison.OrdinalIgnoreCase);
        File.Delete(mount.PathOf("dir/b"));
        Directory.Delete(mount.PathOf("dir"));
        Assert.Empty(Directory.GetFileSystemEntries(mount.Directory));
    }

    [FuseFact]
    public void Symlink_readlink_and_hard_link()
    {
        using var mount = new TestMount();
        File.WriteAllText(mount.PathOf("target"), "pointed at");
        File.CreateSymbolicLink(mount.PathOf("link"), "target");
        Assert.Equal("target", new FileInfo(mount.PathOf("link")).LinkTarget);
        Assert.Equal("pointed at", File.ReadAllText(mount.PathOf("link")));
        Assert.Equal(0, Posix.Lstat(mount.PathOf("link"), out var link));
        Assert.Equal(MemoryFileSystem.S_IFLNK, link.Mode & MemoryFileSystem.S_IFMT);
        Assert.Equal(6, link.Size);

        Assert.Equal(0, Posix.Link(mount.PathOf("target"), mount.PathOf("hard")));
        Assert.Equal(0, Posix.Stat(mount.PathOf("target"), out var target));
        Assert.Equal(2UL, target.Nlink);
        Assert.Equal(0, Posix.Stat(mount.PathOf("hard"), out var hard));
        Assert.Equal(target.Ino, hard.Ino);
    }

    [FuseFact]
    public void Setattr_chmod_truncate_utimens()
    {
        using var mount = new TestMount();
        string path = mount.PathOf("f");
        File.WriteAllBytes(path, new byte[10000]);

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Assert.Equal(0, Posix.Stat(path, out var afterChmod));
        Assert.Equal(MemoryFileSystem.S_IFREG | 0x184 /* 0604 */, afterChmod.Mode);

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write)) stream.SetLength(123);
        Assert.Equal(123, new FileInfo(path).Length);

        var when = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc).AddTicks(1234567);
        File.SetLastWriteTimeUtc(path, when);
        File.SetLastAccessTimeUtc(path, when.AddDays(1));
        Assert.Equal(0, Posix.Stat(path, out var afterTimes));
        Assert.Equal(when, DateTime.UnixEpoch.AddTicks(afterTimes.Mtime.ToUnixNanoseconds() / 100));
        Assert.Equal(when.AddDays(1), DateTime.UnixEpoch.AddTicks(afterTimes.Atime.ToUnixNanoseconds() / 100));
    }

    [FuseFact]
    public void Statfs_reports_the_filesystem_numbers()
    {
        using var mount = new TestMount();
        Assert.Equal(0, Posix.StatVfs(mount.Directory, out var f));
        Assert.Equal(4096UL, f[0]);
        Assert.Equal(1UL << 20, f[2]);
        Assert.Equal(1UL << 19, f[3]);
        Assert.Equal(1UL << 18, f[4]);
        Assert.Equal(1_000_000UL, f[5]);
        Assert.Equal(255UL, f[10]);
    }

    [FuseFact]
    public void Xattr_set_get_list_remove_with_size_probe_and_erange()
    {
        using var mount = new TestMount();
        string path = mount.PathOf("x");
        File.WriteAllText(path, "");
        byte[] value = Encoding.UTF8.GetBytes("a value of 24 bytes long");

        Assert.Equal(0, Posix.SetXattr(path, "user.one", value, 0));
        Assert.Equal(Errno.EEXIST, Posix.SetXattr(path, "user.one", value, 1 /* XATTR_CREATE */));
        Assert.Equal(Errno.ENODATA, Posix.SetXattr(path, "user.none", value, 2 /* XATTR_REPLACE */));
        Assert.Equal(0, Posix.SetXattr(path, "user.two", [], 0));

        Assert.Equal(0, Posix.GetXattr(path, "user.one", 0, out _, out long probed));
        Assert.Equal(value.Length, probed);
        Assert.Equal(Errno.ERANGE, Posix.GetXattr(path, "user.one", value.Length - 1, out _, out _));
        Assert.Equal(0, Posix.GetXattr(path, "user.one", 100, out var got, out _));
        Assert.Equal(value, got);
        Assert.Equal(0, Posix.GetXattr(path, "user.two", 100, out var empty, out long emptyLength));
        Assert.Equal(0, emptyLength);
        Assert.Empty(empty);
        Assert.Equal(Errno.ENODATA, Posix.GetXattr(path, "user.none", 100, out _, out _));

        Assert.Equal(0, Posix.ListXattr(path, 0, out _, out long listLength));
        Assert.Equal("user.one\0user.two\0".Length, listLength);
        Assert.Equal(Errno.ERANGE, Posix.ListXattr(path, (int)listLength - 1, out _, out _));
        Assert.Equal(0, Posix.ListXattr(path, 100, out var names, out _));
        Assert.Equal(["user.one", "user.two"], names.Order());

        Assert.Equal(0, Posix.RemoveXattr(path, "user.one"));
        Assert.Equal(Errno.ENODATA, Posix.RemoveXattr(path, "user.one"));
        Assert.Equal(0, Posix.ListXattr(path, 100, out var left, out _));
        Assert.Equal(["user.two"], left);
    }

    [FuseFact]
    public void A_throwing_operation_gives_EIO_is_logged_and_the_mount_keeps_working()
    {
        using var mount = new TestMount();
        Assert.Equal(Errno.EIO, Posix.Stat(mount.PathOf(MemoryFileSystem.ThrowingName), out _));
        Assert.Contains(mount.Logger.Messages, m => m.Contains("lookup") && m.Contains("throwing name"));
        File.WriteAllText(mount.PathOf("after"), "still fine");
        Assert.Equal("still fine", File.ReadAllText(mount.PathOf("after")));
    }
}
