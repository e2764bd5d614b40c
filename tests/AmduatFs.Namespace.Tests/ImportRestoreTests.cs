using System.Text;
using AmduatFs.Core;
using AmduatFs.Namespace.Posix;
using Mono.Unix.Native;
using Xunit.Abstractions;

namespace AmduatFs.Namespace.Tests;

public sealed class ImportRestoreTests(ITestOutputHelper output) : IDisposable
{
    private const long Mtime = 1_234_567_890_123_456_789;
    private static readonly byte[] LongName = Encoding.ASCII.GetBytes(new string('n', 255));
    private static readonly byte[] NonUtf8Name = [0x62, 0xff, 0xfe, (byte)' ', 0x0a];

    private readonly TempDirectory _temp = new();
    private readonly InMemoryStore _store = new();
    private readonly ListLogger _log = new();

    public void Dispose() => _temp.Dispose();

    private static byte[] N(string name) => Encoding.UTF8.GetBytes(name);

    /// <summary>A tree with odd names, every kind, special modes, nanosecond mtimes, xattrs and a fifo.</summary>
    private (string Root, bool Xattrs) BuildSource()
    {
        string root = Fs.MakeDirectory(_temp.Path, N("source dir"));
        Fs.WriteFile(root, N("hello.txt"), N("hello"), 0x1A4, Mtime);
        Fs.WriteFile(root, N("empty"), [], 0x180, Mtime + 1);
        Fs.WriteFile(root, N("with space and\nnewline"), N("odd"), 0x1ED, -1_000_000_001);
        Fs.WriteFile(root, N("caf\u00e9 \u2603"), N("utf-8"), 0x1A4, Mtime + 2);
        Fs.WriteFile(root, NonUtf8Name, N("not utf-8"), 0x1A4, Mtime + 3);
        Fs.WriteFile(root, LongName, new byte[20_000], 0x1A4, Mtime + 4);
        Fs.WriteFile(root, N("setuid"), N("#!/bin/sh\n"), 0x9ED, Mtime + 5);
        string hard = Fs.WriteFile(root, N("hard1"), N("shared"), 0x1A4, Mtime + 6);
        Assert.Equal(0, Syscall.link(hard, Fs.Child(root, N("hard2"))));
        Fs.Symlink(root, N("link"), "hello.txt", Mtime + 7);
        Fs.Symlink(root, N("dangling"), "does/not/exist", Mtime + 8);
        Assert.Equal(0, Syscall.mkfifo(Fs.Child(root, N("fifo")), FilePermissions.S_IRUSR | FilePermissions.S_IWUSR));

        string sub = Fs.MakeDirectory(root, N("sub"));
        string deeper = Fs.MakeDirectory(sub, N("deeper"));
        Fs.WriteFile(deeper, N("leaf"), N("leaf"), 0x124, Mtime + 9);
        Fs.Symlink(sub, N("link-up"), "../hello.txt", Mtime + 10);
        Fs.MakeDirectory(sub, N("empty dir"));

        if (PosixCalls.IsRoot)
        {
            string owned = Fs.WriteFile(root, N("owned"), N("someone else's"), 0x1A0, Mtime + 11);
            Assert.Equal(0, Syscall.chown(owned, 1234, 5678));
            Fs.SetTime(owned, Mtime + 11);
        }

        bool xattrs = Fs.TrySetXattr(Fs.Child(root, N("hello.txt")), "user.comment", N("hi"));
        if (xattrs)
        {
            Assert.True(Fs.TrySetXattr(Fs.Child(root, N("hello.txt")), "user.bin", [0, 1, 255]));
            Assert.True(Fs.TrySetXattr(sub, "user.dir", N("d")));
            Assert.True(Fs.TrySetXattr(Fs.Child(root, N("empty")), "user.empty-value", []));
            if (PosixCalls.IsRoot) Assert.True(Fs.TrySetXattr(Fs.Child(root, N("setuid")), "trusted.amduat", N("t")));
        }
        else
        {
            string warning = $"WARNING: user xattrs are not supported under {_temp.Path}; the xattr part of this test is NOT exercised";
            output.WriteLine(warning);
            Console.Error.WriteLine(warning);
        }

        Syscall.chmod(deeper, (FilePermissions)0x16D); // 0555: restore must write the leaf before making it read-only
        Fs.SetTime(deeper, Mtime + 12);
        Syscall.chmod(sub, (FilePermissions)0x1E8); // 0750
        Fs.SetTime(sub, Mtime + 13);
        Fs.SetTime(root, Mtime + 14);
        return (root, xattrs);
    }

    [Fact]
    public void Import_then_restore_reproduces_names_bytes_and_metadata()
    {
        var (source, xattrs) = BuildSource();
        var result = new TreeImporter(_log).Import(source, _store);
        _store.Commit();

        Assert.Equal("source dir", result.RootEntry.DisplayName);
        Assert.Equal(PosixCalls.IsRoot ? 11 : 10, result.Files);
        Assert.Equal(4, result.Directories);
        Assert.Equal(3, result.Symlinks);
        Assert.Equal(1, result.Skipped);
        Assert.Contains(_log.Messages, m => m.StartsWith("Warning") && m.Contains("fifo") && m.Contains("special file"));

        string destination = Path.Combine(_temp.Path, "restored");
        new TreeRestorer().Restore(_store, result.RootEntry, destination);

        var expected = Fs.Snapshot(source);
        Assert.True(expected.Remove("/" + Convert.ToHexStringLower(N("fifo"))));
        var actual = Fs.Snapshot(destination);
        Assert.Equal(expected, actual);

        // The comparison covered what it is meant to.
        string all = string.Join("\n", actual.Values);
        Assert.Contains("S_IFREG 4755", all);
        Assert.Contains("S_IFDIR 555", all);
        Assert.Contains($"{Mtime / 1_000_000_000}.{Mtime % 1_000_000_000:D9}", all);
        Assert.Contains("-2.999999999", all); // a time before 1970
        Assert.Contains(actual.Keys, k => k.EndsWith(Convert.ToHexStringLower(LongName)));
        Assert.Contains(actual.Keys, k => k.EndsWith(Convert.ToHexStringLower(NonUtf8Name)));
        Assert.Contains("-> " + Convert.ToHexStringLower(N("does/not/exist")), all);
        if (PosixCalls.IsRoot) Assert.Contains("1234:5678", all);
        if (xattrs)
        {
            Assert.Contains("[user.comment=6869]", all);
            Assert.Contains("[user.empty-value=]", all);
            if (PosixCalls.IsRoot) Assert.Contains("[trusted.amduat=74]", all);
        }

        // Importing the restored copy gives the very same root tree.
        Assert.Equal(result.RootTree, new TreeImporter().Import(destination, _store).RootTree);
    }

    [Fact]
    public void Import_records_entries_as_the_filesystem_has_them()
    {
        var (source, xattrs) = BuildSource();
        var result = new TreeImporter(_log).Import(source, _store);
        _store.Commit();
        var root = result.RootTree;

        var hello = TreePaths.Resolve(_store, root, "hello.txt");
        Assert.Equal(Samples.Content("hello"), hello.Target);
        Assert.Equal((EntryKind.File, 0x1A4u, 5ul, Mtime), (hello.Kind, hello.Mode, hello.Size, hello.MtimeNanoseconds));
        if (xattrs) Assert.Equal(["user.bin", "user.comment"], hello.Xattrs.Select(x => x.DisplayName));

        var link = TreePaths.Resolve(_store, root, "link");
        Assert.Equal((EntryKind.Symlink, 9ul, Mtime + 7), (link.Kind, link.Size, link.MtimeNanoseconds));
        Assert.Equal(N("hello.txt"), link.LinkTarget);

        Assert.Equal(TreePaths.Resolve(_store, root, "hard1").Target, TreePaths.Resolve(_store, root, "hard2").Target);
        var odd = TreePaths.Resolve(_store, root, FileNames.ToDisplay(NonUtf8Name));
        Assert.Equal(NonUtf8Name, odd.Name);
        Assert.Equal(Samples.Content("not utf-8"), odd.Target);
        Assert.Equal(TreeArtifacts.EmptyTree, TreePaths.Resolve(_store, root, "sub/empty dir").Target);
        Assert.Throws<PathNotFoundException>(() => TreePaths.Resolve(_store, root, "fifo"));
        Assert.Equal((0x1EDu, Mtime + 14), (result.RootEntry.Mode, result.RootEntry.MtimeNanoseconds));
    }

    [Fact]
    public void Import_is_deterministic_whatever_the_parallelism()
    {
        string root = Fs.MakeDirectory(_temp.Path, N("many"));
        for (int d = 0; d < 5; d++)
        {
            string directory = Fs.MakeDirectory(root, N($"d{d}"));
            for (int f = 0; f < 200; f++) Fs.WriteFile(directory, N($"f{f}"), N($"{d}/{f}"), 0x1A4, Mtime + f);
        }
        var progress = new List<ImportProgress>();
        var serial = new TreeImporter(maxParallelism: 1).Import(root, _store, new SynchronousProgress(progress));
        var parallel = new TreeImporter(maxParallelism: 16).Import(root, new InMemoryStore());
        Assert.Equal(serial.RootTree, parallel.RootTree);
        Assert.Equal(1000, serial.Files);
        Assert.Equal(new ImportProgress(1000, 1000, serial.Bytes), progress[^1]);
    }

    [Fact]
    public void A_file_that_changes_while_read_is_retried_once()
    {
        string root = Fs.MakeDirectory(_temp.Path, N("changing"));
        Fs.WriteFile(root, N("f"), N("content"), 0x1A4, Mtime);
        int calls = 0;
        _store.BeforePutFile = (_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1) throw new IOException("file grew while read");
        };
        var result = new TreeImporter().Import(root, _store);
        Assert.Equal(2, _store.PutFileCalls);
        Assert.Equal(1, result.Files);
    }

    [Fact]
    public void A_file_that_keeps_changing_fails_naming_it()
    {
        string root = Fs.MakeDirectory(_temp.Path, N("changing"));
        Fs.WriteFile(root, N("restless file"), N("content"), 0x1A4, Mtime);
        _store.BeforePutFile = (_, _) => throw new IOException("file grew while read");
        var error = Assert.Throws<IOException>(() => new TreeImporter().Import(root, _store));
        Assert.Contains("restless file", error.Message);
        Assert.Contains("twice", error.Message);
        Assert.Equal(2, _store.PutFileCalls);
    }

    [Fact]
    public void A_file_modified_during_the_read_is_detected_by_its_mtime()
    {
        string root = Fs.MakeDirectory(_temp.Path, N("touched"));
        string path = Fs.WriteFile(root, N("f"), N("content"), 0x1A4, Mtime);
        int calls = 0;
        _store.BeforePutFile = (_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1) Fs.SetTime(path, Mtime + 1);
        };
        var result = new TreeImporter().Import(root, _store);
        _store.Commit();
        Assert.Equal(2, _store.PutFileCalls);
        Assert.Equal(Mtime + 1, TreePaths.Resolve(_store, result.RootTree, "f").MtimeNanoseconds);
    }

    [Fact]
    public void Restore_refuses_a_destination_in_the_way_but_fills_an_empty_directory()
    {
        string source = Fs.MakeDirectory(_temp.Path, N("src"));
        Fs.WriteFile(source, N("a"), N("a"), 0x1A4, Mtime);
        Fs.SetTime(source, Mtime);
        var result = new TreeImporter().Import(source, _store);
        _store.Commit();
        var restorer = new TreeRestorer();

        string occupied = Fs.MakeDirectory(_temp.Path, N("occupied"));
        Fs.WriteFile(occupied, N("x"), [], 0x1A4, Mtime);
        var error = Assert.Throws<IOException>(() => restorer.Restore(_store, result.RootEntry, occupied));
        Assert.Contains("already exists", error.Message);
        var file = TreePaths.Resolve(_store, result.RootTree, "a");
        Assert.Throws<IOException>(() => restorer.Restore(_store, file, Fs.Child(occupied, N("x"))));

        string empty = Fs.MakeDirectory(_temp.Path, N("empty"));
        restorer.Restore(_store, result.RootEntry, empty);
        Assert.Equal(Fs.Snapshot(source), Fs.Snapshot(empty));
    }

    [Fact]
    public void RestoreFile_writes_one_file_with_its_metadata()
    {
        string source = Fs.MakeDirectory(_temp.Path, N("src"));
        string original = Fs.WriteFile(source, N("one"), N("just one"), 0x180, Mtime);
        var result = new TreeImporter().Import(source, _store);
        _store.Commit();
        string copy = Path.Combine(_temp.Path, "copy");
        new TreeRestorer().RestoreFile(_store, TreePaths.Resolve(_store, result.RootTree, "one"), copy);
        Assert.Equal(Fs.Snapshot(original), Fs.Snapshot(copy));
        Assert.Throws<ArgumentException>(() => new TreeRestorer().RestoreFile(_store, result.RootEntry, Path.Combine(_temp.Path, "dir")));
    }

    [Fact]
    public void Restore_rejects_content_whose_length_disagrees_with_the_entry()
    {
        var content = _store.Put("12345"u8);
        _store.Commit();
        var lying = TreeEntry.File(N("f"), content, 4, 0x1A4, 0, 0, Mtime);
        Assert.Throws<CorruptDataException>(() => new TreeRestorer().Restore(_store, lying, Path.Combine(_temp.Path, "f")));
    }

    [Fact]
    public void Importing_a_missing_directory_names_it()
    {
        var error = Assert.Throws<IOException>(() => new TreeImporter().Import(Path.Combine(_temp.Path, "nope"), _store));
        Assert.Contains("nope", error.Message);
        Assert.Contains("No such file or directory", error.Message);
    }

    [Fact]
    public void Import_root_may_be_a_symlink_to_a_directory_but_not_a_file()
    {
        string real = Fs.MakeDirectory(_temp.Path, N("real"));
        string file = Fs.WriteFile(real, N("f"), N("f"), 0x1A4, Mtime);
        Fs.SetTime(real, Mtime);
        Fs.Symlink(_temp.Path, N("alias"), real, Mtime);

        var viaLink = new TreeImporter().Import(Path.Combine(_temp.Path, "alias"), _store);
        var direct = new TreeImporter().Import(real, _store);
        Assert.Equal("alias", viaLink.RootEntry.DisplayName);
        Assert.Equal(direct.RootEntry with { Name = viaLink.RootEntry.Name }, viaLink.RootEntry);

        var error = Assert.Throws<IOException>(() => new TreeImporter().Import(file, _store));
        Assert.Contains("Not a directory", error.Message);
    }

    private sealed class SynchronousProgress(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
