using AmduatFs.Core;
using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Namespace;

namespace AmduatFs.Mount.Staging;

/// <summary>
/// A staging directory. Its entries are read from its stored tree on first use; a change marks it and its
/// ancestors dirty, and the next commit stores new tree artifacts for dirty directories only.
/// </summary>
internal sealed class StagingDirectory : StagingNode
{
    private const uint RenameNoReplace = 1;

    private Dictionary<byte[], StagingNode>? _children;
    private Reference? _stored;
    private bool _dirty;

    private StagingDirectory(StagingSession session, StagingDirectory? parent, byte[] name, ulong ino, Reference? stored)
        : base(session, parent, name, ino)
    {
        _stored = stored;
    }

    public override bool IsDirectory => true;
    public bool IsDirty => _dirty;
    protected override Reference? SealedReference => _dirty ? null : _stored;

    public static StagingDirectory CreateRoot(StagingSession session, Reference? stored, ulong ino)
    {
        var root = new StagingDirectory(session, null, [], ino, stored) { Mode = 0x1ED, Uid = ProcessOwner.Uid, Gid = ProcessOwner.Gid };
        root.MtimeNanoseconds = root.CtimeNanoseconds = StagingNode.Now();
        return root;
    }

    public static StagingDirectory FromEntry(StagingSession session, StagingDirectory parent, TreeEntry entry, ulong ino)
    {
        var directory = new StagingDirectory(session, parent, entry.Name, ino, entry.Target);
        directory.SetMetadata(entry);
        return directory;
    }

    public override FuseStat Stat()
    {
        lock (Session.Gate) return FileModes.Make(Ino, FileModes.Directory | Mode, Uid, Gid, 0, MtimeNanoseconds, CtimeNanoseconds);
    }

    public override double NegativeCacheSeconds => MountTimeouts.Mutable;

    private Dictionary<byte[], StagingNode> Children
    {
        get
        {
            if (_children is not null) return _children;
            var children = new Dictionary<byte[], StagingNode>(NameComparer.Instance);
            if (_stored is not null)
                foreach (var entry in Session.LoadTree(_stored).Entries)
                    children.Add(entry.Name, FromEntry(Session, this, entry));
            return _children = children;
        }
    }

    public bool IsEmpty
    {
        get { lock (Session.Gate) return Children.Count == 0; }
    }

    public void MarkDirty()
    {
        for (var d = this; d is not null && !d._dirty; d = d.Parent) d._dirty = true;
    }

    private void ContentChanged()
    {
        MtimeNanoseconds = CtimeNanoseconds = Now();
        MarkDirty();
        EntryChanged();
    }

    /// <summary>After a failed commit: every loaded directory must store its tree again.</summary>
    public void MarkAllDirty()
    {
        if (_children is null) return;
        _dirty = true;
        foreach (var child in _children.Values)
            if (child is StagingDirectory directory) directory.MarkAllDirty();
    }

    /// <summary>Stores the trees of dirty directories below and including this one; called under the gate.</summary>
    public Reference BuildTree()
    {
        if (!_dirty && _stored is not null) return _stored;
        var entries = new List<TreeEntry>(Children.Count);
        foreach (var child in Children.Values) entries.Add(child.ToEntry());
        _stored = TreeArtifacts.Store(Session.Sink, Tree.Create(entries));
        _dirty = false;
        return _stored;
    }

    public override TreeEntry ToEntry() => TreeEntry.Directory(Name, BuildTree(), Mode, Uid, Gid, MtimeNanoseconds, Xattrs.ToArray());

    public override int Lookup(ReadOnlySpan<byte> name, out Node? child)
    {
        lock (Session.Gate)
        {
            child = Children.GetValueOrDefault(name.ToArray());
            return child is null ? Errno.ENOENT : 0;
        }
    }

    public override int List(out ListingEntry[] entries)
    {
        lock (Session.Gate)
        {
            entries = new ListingEntry[Children.Count];
            int i = 0;
            foreach (var child in Children.Values) entries[i++] = new ListingEntry(child.Name, child.Ino, child.Stat().Mode);
        }
        return 0;
    }

    public override int Create(ReadOnlySpan<byte> name, uint mode, FuseCaller caller, out Node? child, out OpenFile? handle)
    {
        handle = null;
        int error = Add(name, key => StagingFile.Create(Session, this, key, mode, caller), out child);
        if (error == 0) handle = ((StagingFile)child!).OpenNew();
        return error;
    }

    public override int MkNod(ReadOnlySpan<byte> name, uint mode, FuseCaller caller, out Node? child)
    {
        child = null;
        if ((mode & FileModes.TypeMask) != FileModes.Regular) return Errno.EPERM;
        return Add(name, key => StagingFile.Create(Session, this, key, mode, caller), out child);
    }

    public override int MkDir(ReadOnlySpan<byte> name, uint mode, FuseCaller caller, out Node? child) =>
        Add(name, key => CreateChild(key, mode, caller), out child);

    public override int Symlink(ReadOnlySpan<byte> target, ReadOnlySpan<byte> name, FuseCaller caller, out Node? child)
    {
        byte[] linkTarget = target.ToArray();
        return Add(name, key => StagingSymlink.Create(Session, this, key, linkTarget, caller), out child);
    }

    private StagingDirectory CreateChild(byte[] name, uint mode, FuseCaller caller)
    {
        var directory = new StagingDirectory(Session, this, name, Session.IssueIno(InodeNumbers.Child(Ino, name)), null)
        {
            _children = new Dictionary<byte[], StagingNode>(NameComparer.Instance),
            _dirty = true,
        };
        directory.SetCreator(mode, caller);
        return directory;
    }

    private int Add(ReadOnlySpan<byte> name, Func<byte[], StagingNode> create, out Node? child)
    {
        byte[] key = name.ToArray();
        lock (Session.Gate)
        {
            if (Children.ContainsKey(key))
            {
                child = null;
                return Errno.EEXIST;
            }
            var node = create(key);
            Children.Add(key, node);
            ContentChanged();
            child = node;
        }
        return 0;
    }

    public override int Unlink(ReadOnlySpan<byte> name) => Remove(name, expectDirectory: false);
    public override int RmDir(ReadOnlySpan<byte> name) => Remove(name, expectDirectory: true);

    private int Remove(ReadOnlySpan<byte> name, bool expectDirectory)
    {
        byte[] key = name.ToArray();
        lock (Session.Gate)
        {
            if (!Children.TryGetValue(key, out var child)) return Errno.ENOENT;
            if (child is StagingDirectory directory)
            {
                if (!expectDirectory) return Errno.EISDIR;
                if (directory.Children.Count > 0) return Errno.ENOTEMPTY;
            }
            else if (expectDirectory) return Errno.ENOTDIR;
            Children.Remove(key);
            child.Detached();
            ContentChanged();
        }
        return 0;
    }

    public override int Rename(ReadOnlySpan<byte> name, Node newParent, ReadOnlySpan<byte> newName, uint flags)
    {
        if (newParent is not StagingDirectory target || target.Session != Session) return Errno.EXDEV;
        if ((flags & ~RenameNoReplace) != 0) return Errno.EINVAL;
        byte[] key = name.ToArray();
        byte[] newKey = newName.ToArray();
        lock (Session.Gate)
        {
            if (!Children.TryGetValue(key, out var moving)) return Errno.ENOENT;
            if (moving is StagingDirectory movingDirectory && target.IsWithin(movingDirectory)) return Errno.EINVAL;
            if (target.Children.TryGetValue(newKey, out var replaced))
            {
                if (ReferenceEquals(replaced, moving)) return 0;
                if ((flags & RenameNoReplace) != 0) return Errno.EEXIST;
                if (replaced is StagingDirectory replacedDirectory)
                {
                    if (moving is not StagingDirectory) return Errno.EISDIR;
                    if (replacedDirectory.Children.Count > 0) return Errno.ENOTEMPTY;
                }
                else if (moving is StagingDirectory) return Errno.ENOTDIR;
                target.Children.Remove(newKey);
                replaced.Detached();
            }
            Children.Remove(key);
            moving.Parent = target;
            moving.Name = newKey;
            moving.CtimeNanoseconds = Now();
            target.Children.Add(newKey, moving);
            ContentChanged();
            if (!ReferenceEquals(target, this)) target.ContentChanged();
        }
        return 0;
    }

    private bool IsWithin(StagingDirectory ancestor)
    {
        for (var d = this; d is not null; d = d.Parent)
            if (ReferenceEquals(d, ancestor)) return true;
        return false;
    }

    public override int Link(Node target, ReadOnlySpan<byte> name) => Errno.EPERM;

    public override void Detached()
    {
        base.Detached();
        if (_children is null) return;
        foreach (var child in _children.Values) child.Detached();
    }
}
