using AmduatFs.Fuse;

namespace AmduatFs.Mount.Nodes;

/// <summary>A name in a directory listing, with what plain readdir reports for it.</summary>
internal readonly record struct ListingEntry(byte[] Name, ulong Ino, uint Mode);

/// <summary>
/// One file, directory or symlink the mount shows. Every operation has a default answer, so each
/// kind of node overrides only what it supports; errors are positive errno values, 0 is success.
/// <see cref="NodeId"/> and <see cref="Lookups"/> belong to <see cref="NodeTable"/>.
/// </summary>
internal abstract class Node
{
    internal ulong NodeId;
    internal ulong Lookups;

    /// <summary>The st_ino the kernel shows: deterministic, stable across remounts.</summary>
    public abstract ulong Ino { get; }

    public abstract FuseStat Stat();

    /// <summary>How long the kernel may cache this node's entry and attributes.</summary>
    public virtual double CacheSeconds => MountTimeouts.Mutable;

    public virtual bool IsDirectory => false;

    /// <summary>Called when the kernel no longer holds any lookup of this node.</summary>
    public virtual void Forgotten() { }

    /// <summary>The error a change to this node (or, for a directory, to its entries) earns.</summary>
    protected virtual int ChangeRefused => Errno.EROFS;

    public virtual int Lookup(ReadOnlySpan<byte> name, out Node? child)
    {
        child = null;
        return Errno.ENOTDIR;
    }

    /// <summary>Seconds a failed lookup may be cached (0: not at all).</summary>
    public virtual double NegativeCacheSeconds => 0;

    public virtual int List(out ListingEntry[] entries)
    {
        entries = [];
        return Errno.ENOTDIR;
    }

    /// <summary>Whether the kernel may keep this directory's listing in its cache.</summary>
    public virtual bool ListingNeverChanges => false;

    public virtual int Open(int flags, out OpenFile? handle, out bool keepCache)
    {
        handle = null;
        keepCache = false;
        return IsDirectory ? Errno.EISDIR : Errno.EINVAL;
    }

    public virtual int ReadLink(out byte[] target)
    {
        target = [];
        return Errno.EINVAL;
    }

    public virtual int SetAttributes(in FuseSetAttr changes) => ChangeRefused;

    public virtual int GetXattr(ReadOnlySpan<byte> name, out byte[] value)
    {
        value = [];
        return Errno.ENODATA;
    }

    public virtual int ListXattr(out byte[] names)
    {
        names = [];
        return 0;
    }

    public virtual int SetXattr(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, int flags) => ChangeRefused;
    public virtual int RemoveXattr(ReadOnlySpan<byte> name) => ChangeRefused;

    public virtual int Create(ReadOnlySpan<byte> name, uint mode, FuseCaller caller, out Node? child, out OpenFile? handle)
    {
        child = null;
        handle = null;
        return IsDirectory ? ChangeRefused : Errno.ENOTDIR;
    }

    public virtual int MkNod(ReadOnlySpan<byte> name, uint mode, FuseCaller caller, out Node? child)
    {
        child = null;
        return IsDirectory ? ChangeRefused : Errno.ENOTDIR;
    }

    public virtual int MkDir(ReadOnlySpan<byte> name, uint mode, FuseCaller caller, out Node? child)
    {
        child = null;
        return IsDirectory ? ChangeRefused : Errno.ENOTDIR;
    }

    public virtual int Symlink(ReadOnlySpan<byte> target, ReadOnlySpan<byte> name, FuseCaller caller, out Node? child)
    {
        child = null;
        return IsDirectory ? ChangeRefused : Errno.ENOTDIR;
    }

    public virtual int Unlink(ReadOnlySpan<byte> name) => IsDirectory ? ChangeRefused : Errno.ENOTDIR;
    public virtual int RmDir(ReadOnlySpan<byte> name) => IsDirectory ? ChangeRefused : Errno.ENOTDIR;

    public virtual int Rename(ReadOnlySpan<byte> name, Node newParent, ReadOnlySpan<byte> newName, uint flags) =>
        IsDirectory ? ChangeRefused : Errno.ENOTDIR;

    public virtual int Link(Node target, ReadOnlySpan<byte> name) => IsDirectory ? ChangeRefused : Errno.ENOTDIR;
}
