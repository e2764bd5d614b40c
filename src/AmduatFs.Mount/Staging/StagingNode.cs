using AmduatFs.Core;
using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Mount.Trees;
using AmduatFs.Namespace;

namespace AmduatFs.Mount.Staging;

/// <summary>A node of the writable staging tree: its name, place and POSIX metadata (guarded by the session's gate).</summary>
internal abstract class StagingNode(StagingSession session, StagingDirectory? parent, byte[] name, ulong ino) : Node
{
    private const int XattrCreate = 1;
    private const int XattrReplace = 2;

    protected StagingSession Session { get; } = session;
    public StagingDirectory? Parent { get; set; } = parent;
    public byte[] Name { get; set; } = name;
    public override ulong Ino { get; } = ino;

    public uint Mode { get; set; }
    public uint Uid { get; set; }
    public uint Gid { get; set; }
    public long MtimeNanoseconds { get; set; }
    public long CtimeNanoseconds { get; set; }
    public List<ExtendedAttribute> Xattrs { get; set; } = [];

    protected override int ChangeRefused => Errno.EPERM;

    /// <summary>The tree entry that records this node in its parent's tree. Called under the gate.</summary>
    public abstract TreeEntry ToEntry();

    /// <summary>The content reference shown as <c>user.amduat.ref</c>, or null while it is not sealed.</summary>
    protected abstract Reference? SealedReference { get; }

    public static long Now() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;

    protected void SetMetadata(TreeEntry entry)
    {
        Mode = entry.Mode;
        Uid = entry.Uid;
        Gid = entry.Gid;
        MtimeNanoseconds = entry.MtimeNanoseconds;
        CtimeNanoseconds = entry.MtimeNanoseconds;
        Xattrs = [.. entry.Xattrs];
    }

    protected void SetCreator(uint mode, FuseCaller caller)
    {
        Mode = mode & FileModes.PermissionMask;
        Uid = caller.Uid;
        Gid = caller.Gid;
        MtimeNanoseconds = CtimeNanoseconds = Now();
    }

    /// <summary>Records that this node's entry in its parent changed. Called under the gate.</summary>
    protected void EntryChanged()
    {
        Parent?.MarkDirty();
        Session.Changed();
    }

    public override int SetAttributes(in FuseSetAttr changes)
    {
        if ((changes.Fields & FuseSetAttrFields.Size) != 0)
        {
            int resized = Resize(changes.Size);
            if (resized != 0) return resized;
        }
        lock (Session.Gate)
        {
            if ((changes.Fields & FuseSetAttrFields.Mode) != 0) Mode = changes.Mode & FileModes.PermissionMask;
            if ((changes.Fields & FuseSetAttrFields.Uid) != 0) Uid = changes.Uid;
            if ((changes.Fields & FuseSetAttrFields.Gid) != 0) Gid = changes.Gid;
            if ((changes.Fields & FuseSetAttrFields.MtimeNow) != 0) MtimeNanoseconds = Now();
            else if ((changes.Fields & FuseSetAttrFields.Mtime) != 0) MtimeNanoseconds = changes.Mtime.ToUnixNanoseconds();
            CtimeNanoseconds = Now();
            EntryChanged();
        }
        return 0;
    }

    protected virtual int Resize(long size) => Errno.EISDIR;

    public override int GetXattr(ReadOnlySpan<byte> name, out byte[] value)
    {
        if (AmduatXattrs.IsReserved(name)) return AmduatXattrs.Get(name, SealedReference, Session.DomainName, null, out value);
        lock (Session.Gate)
        {
            int i = FindXattr(name);
            value = i >= 0 ? Xattrs[i].Value : [];
            return i >= 0 ? 0 : Errno.ENODATA;
        }
    }

    public override int ListXattr(out byte[] names)
    {
        lock (Session.Gate) names = AmduatXattrs.NameList(Xattrs.Select(x => x.Name));
        return 0;
    }

    public override int SetXattr(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, int flags)
    {
        if (AmduatXattrs.IsReserved(name)) return Errno.EPERM;
        if (UnsupportedXattrs.Contains(name)) return Errno.EOPNOTSUPP;
        lock (Session.Gate)
        {
            int i = FindXattr(name);
            if (i >= 0 && (flags & XattrCreate) != 0) return Errno.EEXIST;
            if (i < 0 && (flags & XattrReplace) != 0) return Errno.ENODATA;
            var xattr = new ExtendedAttribute(name.ToArray(), value.ToArray());
            if (i >= 0) Xattrs[i] = xattr;
            else Xattrs.Add(xattr);
            CtimeNanoseconds = Now();
            EntryChanged();
        }
        return 0;
    }

    public override int RemoveXattr(ReadOnlySpan<byte> name)
    {
        if (AmduatXattrs.IsReserved(name)) return Errno.EPERM;
        if (UnsupportedXattrs.Contains(name)) return Errno.EOPNOTSUPP;
        lock (Session.Gate)
        {
            int i = FindXattr(name);
            if (i < 0) return Errno.ENODATA;
            Xattrs.RemoveAt(i);
            CtimeNanoseconds = Now();
            EntryChanged();
        }
        return 0;
    }

    private int FindXattr(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < Xattrs.Count; i++)
            if (name.SequenceEqual(Xattrs[i].Name)) return i;
        return -1;
    }

    /// <summary>Called under the gate when this node leaves the tree (unlink, rmdir, replaced by rename).</summary>
    public virtual void Detached() => Parent = null;

    public static StagingNode FromEntry(StagingSession session, StagingDirectory parent, TreeEntry entry)
    {
        ulong ino = session.IssueIno(InodeNumbers.Child(parent.Ino, entry.Name));
        return entry.Kind switch
        {
            EntryKind.Directory => StagingDirectory.FromEntry(session, parent, entry, ino),
            EntryKind.File => StagingFile.FromEntry(session, parent, entry, ino),
            EntryKind.Symlink => StagingSymlink.FromEntry(session, parent, entry, ino),
            _ => throw new InvalidOperationException($"unknown entry kind {entry.Kind}"),
        };
    }
}
