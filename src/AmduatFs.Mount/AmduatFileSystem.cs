using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Mount.Trees;
using AmduatFs.Mount.Virtual;
using AmduatFs.Store;
using Microsoft.Extensions.Logging;

namespace AmduatFs.Mount;

/// <summary>
/// The AmduatFs filesystem over the generic FUSE layer: it resolves node ids and handles and lets the nodes
/// answer. Directory listings are taken at opendir, so readdir offsets are indexes into a fixed list.
/// </summary>
public sealed class AmduatFileSystem : FuseFileSystem, IDisposable
{
    private readonly MountContext _context;
    private readonly NodeTable _nodes;
    private readonly HandleTable<OpenFile> _files = new();
    private readonly HandleTable<ListingEntry[]> _listings = new();
    private readonly ILogger _logger;

    public AmduatFileSystem(ArtifactStore store, MountSettings settings, ILoggerFactory loggers)
    {
        _context = new MountContext(store, settings, loggers);
        _logger = _context.Logger;
        _nodes = new NodeTable(new RootNode(_context));
        _context.InvalidateEntry = InvalidateLater;
    }

    private void InvalidateLater(Node parent, byte[] name)
    {
        // The kernel takes the parent's lock to invalidate, and the caller may be inside an operation holding it.
        ulong id = parent.NodeId;
        if (id == 0 || Session is null) return;
        var session = Session;
        ThreadPool.QueueUserWorkItem(_ => session.NotifyInvalidateEntry(id, name));
    }

    private FuseEntry Remember(Node node)
    {
        var entry = new FuseEntry
        {
            Attr = node.Stat(),
            AttrTimeout = node.CacheSeconds,
            EntryTimeout = node.CacheSeconds,
        };
        entry.NodeId = _nodes.Remember(node);
        return entry;
    }

    private int Answer(int error, Node? child, out FuseEntry entry)
    {
        entry = error == 0 ? Remember(child!) : default;
        return error;
    }

    public override int Lookup(ulong parent, ReadOnlySpan<byte> name, out FuseEntry entry)
    {
        entry = default;
        if (_nodes.Get(parent) is not { } directory) return Errno.ENOENT;
        int error = directory.Lookup(name, out var child);
        if (error == Errno.ENOENT && directory.NegativeCacheSeconds > 0)
        {
            entry.EntryTimeout = directory.NegativeCacheSeconds;
            return 0;
        }
        return Answer(error, child, out entry);
    }

    public override void Forget(ulong node, ulong lookups) => _nodes.Forget(node, lookups);

    public override int GetAttr(ulong node, ulong? handle, out FuseStat attr, out double timeout)
    {
        attr = default;
        timeout = 0;
        if (_nodes.Get(node) is not { } n) return Errno.ENOENT;
        attr = n.Stat();
        timeout = n.CacheSeconds;
        return 0;
    }

    public override int SetAttr(ulong node, in FuseSetAttr changes, ulong? handle, out FuseStat attr, out double timeout)
    {
        attr = default;
        timeout = 0;
        if (_nodes.Get(node) is not { } n) return Errno.ENOENT;
        int error = n.SetAttributes(changes);
        if (error != 0) return error;
        attr = n.Stat();
        timeout = n.CacheSeconds;
        return 0;
    }

    public override int ReadLink(ulong node, out byte[] target)
    {
        target = [];
        return _nodes.Get(node) is { } n ? n.ReadLink(out target) : Errno.ENOENT;
    }

    public override int MkNod(ulong parent, ReadOnlySpan<byte> name, uint mode, ulong rdev, FuseCaller caller, out FuseEntry entry)
    {
        entry = default;
        if (_nodes.Get(parent) is not { } directory) return Errno.ENOENT;
        return Answer(directory.MkNod(name, mode, caller, out var child), child, out entry);
    }

    public override int MkDir(ulong parent, ReadOnlySpan<byte> name, uint mode, FuseCaller caller, out FuseEntry entry)
    {
        entry = default;
        if (_nodes.Get(parent) is not { } directory) return Errno.ENOENT;
        return Answer(directory.MkDir(name, mode, caller, out var child), child, out entry);
    }

    public override int Symlink(ReadOnlySpan<byte> target, ulong parent, ReadOnlySpan<byte> name, FuseCaller caller, out FuseEntry entry)
    {
        entry = default;
        if (_nodes.Get(parent) is not { } directory) return Errno.ENOENT;
        return Answer(directory.Symlink(target, name, caller, out var child), child, out entry);
    }

    public override int Unlink(ulong parent, ReadOnlySpan<byte> name) =>
        _nodes.Get(parent) is { } directory ? directory.Unlink(name) : Errno.ENOENT;

    public override int RmDir(ulong parent, ReadOnlySpan<byte> name) =>
        _nodes.Get(parent) is { } directory ? directory.RmDir(name) : Errno.ENOENT;

    public override int Rename(ulong parent, ReadOnlySpan<byte> name, ulong newParent, ReadOnlySpan<byte> newName, uint flags)
    {
        if (_nodes.Get(parent) is not { } from || _nodes.Get(newParent) is not { } to) return Errno.ENOENT;
        return from.Rename(name, to, newName, flags);
    }

    public override int Link(ulong node, ulong newParent, ReadOnlySpan<byte> newName, out FuseEntry entry)
    {
        entry = default;
        if (_nodes.Get(node) is not { } target || _nodes.Get(newParent) is not { } directory) return Errno.ENOENT;
        return directory.Link(target, newName);
    }

    public override int Open(ulong node, ref FuseOpenInfo info)
    {
        if (_nodes.Get(node) is not { } n) return Errno.ENOENT;
        int error = n.Open(info.Flags, out var handle, out bool keepCache);
        if (error != 0) return error;
        info.Handle = _files.Add(handle!);
        info.KeepCache = keepCache;
        info.NoFlush = !FileModes.IsWriteAccess(info.Flags);
        if (keepCache && n is TreeFileNode file && Session is { } session) file.PushContent(session);
        return 0;
    }

    public override int Create(ulong parent, ReadOnlySpan<byte> name, uint mode, ref FuseOpenInfo info, FuseCaller caller, out FuseEntry entry)
    {
        entry = default;
        if (_nodes.Get(parent) is not { } directory) return Errno.ENOENT;
        int error = directory.Create(name, mode, caller, out var child, out var handle);
        if (error != 0) return error;
        info.Handle = _files.Add(handle!);
        entry = Remember(child!);
        return 0;
    }

    public override int Read(ulong node, ulong handle, long offset, Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        return _files.Get(handle) is { } file ? file.Read(offset, buffer, out bytesRead) : Errno.EBADF;
    }

    public override int Write(ulong node, ulong handle, long offset, ReadOnlySpan<byte> data, out int bytesWritten)
    {
        bytesWritten = 0;
        return _files.Get(handle) is { } file ? file.Write(offset, data, out bytesWritten) : Errno.EBADF;
    }

    public override int Flush(ulong node, ulong handle) => _files.Get(handle) is { } file ? file.Flush() : Errno.EBADF;

    public override int Release(ulong node, ulong handle, int flags)
    {
        _files.Remove(handle)?.Release();
        return 0;
    }

    public override int Fsync(ulong node, ulong handle, bool dataOnly) => _files.Get(handle) is { } file ? file.Fsync() : Errno.EBADF;

    public override int OpenDir(ulong node, ref FuseOpenInfo info)
    {
        if (_nodes.Get(node) is not { } n) return Errno.ENOENT;
        int error = n.List(out var entries);
        if (error != 0) return error;
        info.Handle = _listings.Add(entries);
        info.CacheReaddir = n.ListingNeverChanges;
        info.KeepCache = n.ListingNeverChanges;
        return 0;
    }

    public override int ReadDir(ulong node, ulong handle, long offset, ref FuseDirectoryWriter writer)
    {
        if (_nodes.Get(node) is not { } directory || _listings.Get(handle) is not { } entries) return Errno.EBADF;
        for (long i = offset; i < entries.Length + 2; i++)
        {
            if (i < 2)
            {
                var dot = new FuseEntry { Attr = new FuseStat { Ino = directory.Ino, Mode = FileModes.Directory } };
                if (!writer.TryAdd(i == 0 ? "."u8 : ".."u8, dot, i + 1)) break;
                continue;
            }
            var listed = entries[i - 2];
            if (!writer.IsPlus)
            {
                var plain = new FuseEntry { Attr = new FuseStat { Ino = listed.Ino, Mode = listed.Mode } };
                if (!writer.TryAdd(listed.Name, plain, i + 1)) break;
                continue;
            }
            if (directory.Lookup(listed.Name, out var child) != 0) continue;
            var entry = Remember(child!);
            if (writer.TryAdd(listed.Name, entry, i + 1)) continue;
            _nodes.Forget(entry.NodeId, 1);
            break;
        }
        return 0;
    }

    public override int ReleaseDir(ulong node, ulong handle)
    {
        _listings.Remove(handle);
        return 0;
    }

    public override int FsyncDir(ulong node, ulong handle, bool dataOnly)
    {
        foreach (var session in _context.StagingSessions()) session.SealAndCommit();
        return 0;
    }

    public override int StatFs(ulong node, out FuseStatFs stat)
    {
        var drive = new DriveInfo(_context.Store.Layout.Root);
        const ulong blockSize = 4096;
        stat = new FuseStatFs
        {
            BlockSize = blockSize,
            FragmentSize = blockSize,
            Blocks = (ulong)drive.TotalSize / blockSize,
            BlocksFree = (ulong)drive.TotalFreeSpace / blockSize,
            BlocksAvailable = (ulong)drive.AvailableFreeSpace / blockSize,
            Files = 1UL << 32,
            FilesFree = 1UL << 31,
            FilesAvailable = 1UL << 31,
            NameMax = 255,
        };
        return 0;
    }

    public override int SetXattr(ulong node, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, int flags) =>
        _nodes.Get(node) is { } n ? n.SetXattr(name, value, flags) : Errno.ENOENT;

    public override int GetXattr(ulong node, ReadOnlySpan<byte> name, out byte[] value)
    {
        value = [];
        if (UnsupportedXattrs.Contains(name)) return Errno.EOPNOTSUPP;
        return _nodes.Get(node) is { } n ? n.GetXattr(name, out value) : Errno.ENOENT;
    }

    public override int ListXattr(ulong node, out byte[] nulTerminatedNames)
    {
        nulTerminatedNames = [];
        return _nodes.Get(node) is { } n ? n.ListXattr(out nulTerminatedNames) : Errno.ENOENT;
    }

    public override int RemoveXattr(ulong node, ReadOnlySpan<byte> name) =>
        _nodes.Get(node) is { } n ? n.RemoveXattr(name) : Errno.ENOENT;

    /// <summary>After the session ended: seals files still open for writing and commits every staging tree.</summary>
    public void Shutdown()
    {
        foreach (var file in _files.All) file.Release();
        foreach (var session in _context.StagingSessions()) session.Shutdown();
    }

    public void Dispose()
    {
        foreach (var session in _context.StagingSessions()) session.Dispose();
    }
}
