using System.Text;

namespace AmduatFs.Fuse.Tests;

/// <summary>
/// A small in-memory filesystem for exercising the interop layer. One lock guards everything. The name
/// "explode" makes Lookup throw, to test that exceptions turn into EIO.
/// </summary>
internal sealed class MemoryFileSystem : FuseFileSystem
{
    public const uint S_IFMT = 0xF000, S_IFDIR = 0x4000, S_IFREG = 0x8000, S_IFLNK = 0xA000;
    public const ulong RootId = 1;
    public const string ThrowingName = "explode";
    public const string HeldName = "held";
    private const int XattrCreate = 1, XattrReplace = 2, RenameNoReplace = 1;

    private sealed class Node(ulong id, uint mode)
    {
        public ulong Id { get; } = id;
        public uint Mode { get; set; } = mode;
        public uint Uid, Gid;
        public ulong Nlink = (mode & S_IFMT) == S_IFDIR ? 2UL : 1UL;
        public long Lookups;
        public byte[] Data = [];
        public long Size;
        public byte[] LinkTarget = [];
        public List<(string Name, ulong Id)> Children = [];
        public readonly Dictionary<string, byte[]> Xattrs = [];
        public FuseTimespec Atime, Mtime, Ctime;
        public bool IsDirectory => (Mode & S_IFMT) == S_IFDIR;
    }

    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, Node> _nodes = [];
    private ulong _nextId = RootId + 1;

    public MemoryFileSystem(double timeout = 1.0)
    {
        Timeout = timeout;
        var root = new Node(RootId, S_IFDIR | 0x1ED /* 0755 */);
        Touch(root);
        _nodes[RootId] = root;
    }

    public double Timeout { get; }
    public int InitCalls, DestroyCalls;
    public uint NegotiatedWant;

    public int ReadCalls;

    /// <summary>When set, Open keeps the cache and puts the bytes this returns for the node into the page cache.</summary>
    public Func<ulong, byte[]?>? PushAtOpen { get; init; }

    /// <summary>When set, a lookup of <see cref="HeldName"/> waits for it (to hold a loop thread inside a request).</summary>
    public ManualResetEventSlim? HeldLookupGate { get; init; }

    /// <summary>Turn readdirplus off in Init, so that the kernel uses plain readdir.</summary>
    public bool DisableReaddirPlus { get; init; }

    /// <summary>Puts a file with the given content into the root directory (for tests and the read benchmark).</summary>
    public void AddFile(string name, byte[] content)
    {
        lock (_gate)
        {
            var node = NewNode(S_IFREG | 0x1A4 /* 0644 */, 0, 0);
            node.Data = content;
            node.Size = content.Length;
            _nodes[RootId].Children.Add((name, node.Id));
        }
    }

    /// <summary>Lookup count the kernel holds on the node with this name in the root (for readdirplus accounting tests).</summary>
    public long LookupsOf(string name)
    {
        lock (_gate) return _nodes[Find(_nodes[RootId], name)!.Value].Lookups;
    }

    public override void Init(FuseConnection connection)
    {
        Interlocked.Increment(ref InitCalls);
        if (DisableReaddirPlus) connection.Want &= ~(FuseConnection.ReaddirPlus | FuseConnection.ReaddirPlusAuto);
        NegotiatedWant = connection.Want;
    }

    public override void Destroy() => Interlocked.Increment(ref DestroyCalls);

    public override int Lookup(ulong parent, ReadOnlySpan<byte> name, out FuseEntry entry)
    {
        string text = Encoding.UTF8.GetString(name);
        if (text == ThrowingName) throw new InvalidOperationException("lookup of the throwing name");
        if (text == HeldName) HeldLookupGate?.Wait();
        lock (_gate)
        {
            entry = default;
            if (!TryDirectory(parent, out var dir, out int err)) return err;
            if (Find(dir, text) is not ulong id)
            {
                entry.EntryTimeout = Timeout; // negative entry
                return 0;
            }
            entry = Entry(_nodes[id]);
            return 0;
        }
    }

    public override void Forget(ulong node, ulong lookups)
    {
        lock (_gate)
        {
            if (!_nodes.TryGetValue(node, out var n)) return;
            n.Lookups -= (long)lookups;
            if (n.Lookups <= 0 && n.Nlink == 0) _nodes.Remove(node);
        }
    }

    public override int GetAttr(ulong node, ulong? handle, out FuseStat attr, out double timeout)
    {
        lock (_gate)
        {
            timeout = Timeout;
            attr = default;
            if (!_nodes.TryGetValue(node, out var n)) return Errno.ENOENT;
            attr = Stat(n);
            return 0;
        }
    }

    public override int SetAttr(ulong node, in FuseSetAttr changes, ulong? handle, out FuseStat attr, out double timeout)
    {
        lock (_gate)
        {
            timeout = Timeout;
            attr = default;
            if (!_nodes.TryGetValue(node, out var n)) return Errno.ENOENT;
            var now = Now();
            if (changes.Has(FuseSetAttrFields.Mode)) n.Mode = (n.Mode & S_IFMT) | (changes.Mode & 0xFFF);
            if (changes.Has(FuseSetAttrFields.Uid)) n.Uid = changes.Uid;
            if (changes.Has(FuseSetAttrFields.Gid)) n.Gid = changes.Gid;
            if (changes.Has(FuseSetAttrFields.Size))
            {
                if (n.IsDirectory) return Errno.EISDIR;
                Resize(n, changes.Size);
                n.Mtime = now;
            }
            if (changes.Has(FuseSetAttrFields.AtimeNow)) n.Atime = now;
            else if (changes.Has(FuseSetAttrFields.Atime)) n.Atime = changes.Atime;
            if (changes.Has(FuseSetAttrFields.MtimeNow)) n.Mtime = now;
            else if (changes.Has(FuseSetAttrFields.Mtime)) n.Mtime = changes.Mtime;
            n.Ctime = changes.Has(FuseSetAttrFields.Ctime) ? changes.Ctime : now;
            attr = Stat(n);
            return 0;
        }
    }

    public override int ReadLink(ulong node, out byte[] target)
    {
        lock (_gate)
        {
            target = [];
            if (!_nodes.TryGetValue(node, out var n)) return Errno.ENOENT;
            if ((n.Mode & S_IFMT) != S_IFLNK) return Errno.EINVAL;
            target = n.LinkTarget;
            return 0;
        }
    }

    public override int MkNod(ulong parent, ReadOnlySpan<byte> name, uint mode, ulong rdev, FuseCaller caller, out FuseEntry entry) =>
        AddEntry(parent, name, mode, caller, out entry, out _);

    public override int MkDir(ulong parent, ReadOnlySpan<byte> name, uint mode, FuseCaller caller, out FuseEntry entry) =>
        AddEntry(parent, name, S_IFDIR | (mode & 0xFFF), caller, out entry, out _);

    public override int Symlink(ReadOnlySpan<byte> target, ulong parent, ReadOnlySpan<byte> name, FuseCaller caller, out FuseEntry entry)
    {
        byte[] targetBytes = target.ToArray();
        lock (_gate)
        {
            int err = AddEntry(parent, name, S_IFLNK | 0x1FF, caller, out entry, out var node);
            if (err == 0)
            {
                node!.LinkTarget = targetBytes;
                node.Size = targetBytes.Length;
                entry = Entry(node, countLookup: false);
            }
            return err;
        }
    }

    public override int Create(ulong parent, ReadOnlySpan<byte> name, uint mode, ref FuseOpenInfo info, FuseCaller caller, out FuseEntry entry)
    {
        int err = AddEntry(parent, name, S_IFREG | (mode & 0xFFF), caller, out entry, out var node);
        if (err == 0) info.Handle = node!.Id;
        return err;
    }

    public override int Unlink(ulong parent, ReadOnlySpan<byte> name) => RemoveEntry(parent, Encoding.UTF8.GetString(name), directory: false);

    public override int RmDir(ulong parent, ReadOnlySpan<byte> name) => RemoveEntry(parent, Encoding.UTF8.GetString(name), directory: true);

    public override int Rename(ulong parent, ReadOnlySpan<byte> name, ulong newParent, ReadOnlySpan<byte> newName, uint flags)
    {
        string from = Encoding.UTF8.GetString(name), to = Encoding.UTF8.GetString(newName);
        lock (_gate)
        {
            if ((flags & ~(uint)RenameNoReplace) != 0) return Errno.EINVAL;
            if (!TryDirectory(parent, out var source, out int err) || !TryDirectory(newParent, out var target, out err)) return err;
            if (Find(source, from) is not ulong id) return Errno.ENOENT;
            if (Find(target, to) is ulong existing)
            {
                if (existing == id) return 0;
                if ((flags & RenameNoReplace) != 0) return Errno.EEXIST;
                var victim = _nodes[existing];
                if (victim.IsDirectory != _nodes[id].IsDirectory) return victim.IsDirectory ? Errno.EISDIR : Errno.ENOTDIR;
                err = RemoveEntry(newParent, to, victim.IsDirectory);
                if (err != 0) return err;
            }
            source.Children.RemoveAll(c => c.Name == from);
            target.Children.Add((to, id));
            if (_nodes[id].IsDirectory && source != target) { source.Nlink--; target.Nlink++; }
            return 0;
        }
    }

    public override int Link(ulong node, ulong newParent, ReadOnlySpan<byte> newName, out FuseEntry entry)
    {
        string name = Encoding.UTF8.GetString(newName);
        lock (_gate)
        {
            entry = default;
            if (!_nodes.TryGetValue(node, out var n)) return Errno.ENOENT;
            if (n.IsDirectory) return Errno.EPERM;
            if (!TryDirectory(newParent, out var dir, out int err)) return err;
            if (Find(dir, name) is not null) return Errno.EEXIST;
            dir.Children.Add((name, node));
            n.Nlink++;
            n.Ctime = Now();
            entry = Entry(n);
            return 0;
        }
    }

    public override int Open(ulong node, ref FuseOpenInfo info)
    {
        lock (_gate)
        {
            if (!_nodes.TryGetValue(node, out var n)) return Errno.ENOENT;
            if (n.IsDirectory) return Errno.EISDIR;
            info.Handle = node;
        }
        if (PushAtOpen?.Invoke(node) is { } content)
        {
            info.KeepCache = true;
            int error = Session!.NotifyStore(node, 0, content);
            if (error != 0) return error;
        }
        return 0;
    }

    public override int Read(ulong node, ulong handle, long offset, Span<byte> buffer, out int bytesRead)
    {
        Interlocked.Increment(ref ReadCalls);
        lock (_gate)
        {
            bytesRead = 0;
            if (!_nodes.TryGetValue(node, out var n)) return Errno.ENOENT;
            if (offset >= n.Size) return 0;
            bytesRead = (int)Math.Min(buffer.Length, n.Size - offset);
            n.Data.AsSpan((int)offset, bytesRead).CopyTo(buffer);
            return 0;
        }
    }

    public override int Write(ulong node, ulong handle, long offset, ReadOnlySpan<byte> data, out int bytesWritten)
    {
        lock (_gate)
        {
            bytesWritten = 0;
            if (!_nodes.TryGetValue(node, out var n)) return Errno.ENOENT;
            long end = offset + data.Length;
            if (end > int.MaxValue) return Errno.EFBIG;
            if (end > n.Size) Resize(n, end);
            data.CopyTo(n.Data.AsSpan((int)offset));
            n.Mtime = n.Ctime = Now();
            bytesWritten = data.Length;
            return 0;
        }
    }

    public override int Flush(ulong node, ulong handle) => 0;
    public override int Release(ulong node, ulong handle, int flags) => 0;
    public override int Fsync(ulong node, ulong handle, bool dataOnly) => 0;
    public override int ReleaseDir(ulong node, ulong handle) => 0;
    public override int FsyncDir(ulong node, ulong handle, bool dataOnly) => 0;
    public override int Access(ulong node, int mask) => 0;

    public override int OpenDir(ulong node, ref FuseOpenInfo info)
    {
        lock (_gate) return TryDirectory(node, out _, out int err) ? 0 : err;
    }

    /// <summary>Offsets: 1 after ".", 2 after "..", then 3 + i after child i.</summary>
    public override int ReadDir(ulong node, ulong handle, long offset, ref FuseDirectoryWriter writer)
    {
        lock (_gate)
        {
            if (!TryDirectory(node, out var dir, out int err)) return err;
            if (offset < 1 && !writer.TryAdd("."u8, Entry(dir, countLookup: false), 1)) return 0;
            if (offset < 2 && !writer.TryAdd(".."u8, Entry(dir, countLookup: false), 2)) return 0;
            for (int i = (int)Math.Max(0, offset - 2); i < dir.Children.Count; i++)
            {
                var child = _nodes[dir.Children[i].Id];
                var entry = Entry(child, countLookup: false);
                if (!writer.TryAdd(Encoding.UTF8.GetBytes(dir.Children[i].Name), entry, i + 3)) break;
                if (writer.IsPlus) child.Lookups++;
            }
            return 0;
        }
    }

    public override int StatFs(ulong node, out FuseStatFs stat)
    {
        stat = new FuseStatFs
        {
            BlockSize = 4096, FragmentSize = 4096, Blocks = 1 << 20, BlocksFree = 1 << 19, BlocksAvailable = 1 << 18,
            Files = 1_000_000, FilesFree = 999_000, FilesAvailable = 999_000, NameMax = 255,
        };
        return 0;
    }

    public override int SetXattr(ulong node, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, int flags)
    {
        string key = Encoding.UTF8.GetString(name);
        lock (_gate)
        {
            if (!_nodes.TryGetValue(node, out var n)) return Errno.ENOENT;
            bool exists = n.Xattrs.ContainsKey(key);
            if ((flags & XattrCreate) != 0 && exists) return Errno.EEXIST;
            if ((flags & XattrReplace) != 0 && !exists) return Errno.ENODATA;
            n.Xattrs[key] = value.ToArray();
            return 0;
        }
    }

    public override int GetXattr(ulong node, ReadOnlySpan<byte> name, out byte[] value)
    {
        string key = Encoding.UTF8.GetString(name);
        lock (_gate)
        {
            value = [];
            if (!_nodes.TryGetValue(node, out var n)) return Errno.ENOENT;
            if (!n.Xattrs.TryGetValue(key, out var found)) return Errno.ENODATA;
            value = found;
            return 0;
        }
    }

    public override int ListXattr(ulong node, out byte[] nulTerminatedNames)
    {
        lock (_gate)
        {
            nulTerminatedNames = [];
            if (!_nodes.TryGetValue(node, out var n)) return Errno.ENOENT;
            nulTerminatedNames = Encoding.UTF8.GetBytes(string.Concat(n.Xattrs.Keys.Select(k => k + "\0")));
            return 0;
        }
    }

    public override int RemoveXattr(ulong node, ReadOnlySpan<byte> name)
    {
        string key = Encoding.UTF8.GetString(name);
        lock (_gate)
        {
            if (!_nodes.TryGetValue(node, out var n)) return Errno.ENOENT;
            return n.Xattrs.Remove(key) ? 0 : Errno.ENODATA;
        }
    }

    public override int Fallocate(ulong node, ulong handle, int mode, long offset, long length)
    {
        lock (_gate)
        {
            if (mode != 0) return Errno.EOPNOTSUPP;
            if (!_nodes.TryGetValue(node, out var n)) return Errno.ENOENT;
            if (offset + length > n.Size) Resize(n, offset + length);
            return 0;
        }
    }

    private int AddEntry(ulong parent, ReadOnlySpan<byte> name, uint mode, FuseCaller caller, out FuseEntry entry, out Node? node)
    {
        string text = Encoding.UTF8.GetString(name);
        lock (_gate)
        {
            entry = default;
            node = null;
            if (!TryDirectory(parent, out var dir, out int err)) return err;
            if (Find(dir, text) is not null) return Errno.EEXIST;
            node = NewNode(mode, caller.Uid, caller.Gid);
            dir.Children.Add((text, node.Id));
            if (node.IsDirectory) dir.Nlink++;
            dir.Mtime = dir.Ctime = Now();
            entry = Entry(node);
            return 0;
        }
    }

    private int RemoveEntry(ulong parent, string name, bool directory)
    {
        lock (_gate)
        {
            if (!TryDirectory(parent, out var dir, out int err)) return err;
            if (Find(dir, name) is not ulong id) return Errno.ENOENT;
            var node = _nodes[id];
            if (directory && !node.IsDirectory) return Errno.ENOTDIR;
            if (!directory && node.IsDirectory) return Errno.EISDIR;
            if (directory && node.Children.Count > 0) return Errno.ENOTEMPTY;
            dir.Children.RemoveAll(c => c.Name == name);
            if (directory) { dir.Nlink--; node.Nlink = 0; }
            else node.Nlink--;
            if (node.Nlink == 0 && node.Lookups <= 0) _nodes.Remove(id);
            dir.Mtime = dir.Ctime = Now();
            return 0;
        }
    }

    private Node NewNode(uint mode, uint uid, uint gid)
    {
        var node = new Node(_nextId++, mode) { Uid = uid, Gid = gid };
        Touch(node);
        _nodes[node.Id] = node;
        return node;
    }

    private bool TryDirectory(ulong id, out Node dir, out int err)
    {
        err = 0;
        if (!_nodes.TryGetValue(id, out dir!)) err = Errno.ENOENT;
        else if (!dir.IsDirectory) err = Errno.ENOTDIR;
        return err == 0;
    }

    private static ulong? Find(Node dir, string name)
    {
        foreach (var (childName, id) in dir.Children) if (childName == name) return id;
        return null;
    }

    private FuseEntry Entry(Node node, bool countLookup = true)
    {
        if (countLookup) node.Lookups++;
        return new FuseEntry { NodeId = node.Id, Attr = Stat(node), AttrTimeout = Timeout, EntryTimeout = Timeout };
    }

    private static FuseStat Stat(Node n) => new()
    {
        Ino = n.Id, Mode = n.Mode, Nlink = n.Nlink, Uid = n.Uid, Gid = n.Gid, Size = n.Size, Blksize = 4096,
        Blocks = (n.Size + 511) / 512, Atime = n.Atime, Mtime = n.Mtime, Ctime = n.Ctime,
    };

    private static void Resize(Node n, long size)
    {
        if (size > n.Data.Length) Array.Resize(ref n.Data, (int)Math.Min(int.MaxValue, Math.Max(size, n.Data.Length * 2L)));
        else if (size < n.Size) n.Data.AsSpan((int)size, (int)(n.Size - size)).Clear();
        n.Size = size;
    }

    private static void Touch(Node n) => n.Atime = n.Mtime = n.Ctime = Now();

    private static FuseTimespec Now() => FuseTimespec.FromUnixNanoseconds((DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100);
}
