namespace AmduatFs.Fuse;

/// <summary>
/// A filesystem served through libfuse's low-level (inode-based) API. Override what the filesystem supports;
/// everything else answers ENOSYS. Methods return 0 or a positive errno (<see cref="Errno"/>).
/// Methods run on libfuse's loop threads, concurrently when the loop is multi-threaded. Names and data spans point
/// into libfuse's buffers and are valid only during the call. An exception thrown by a method is logged and
/// answered with EIO. Never touch the mount point from inside a method: that deadlocks.
/// </summary>
public abstract class FuseFileSystem
{
    /// <summary>The mounted session (for notifications); null until mounted.</summary>
    protected FuseSession? Session { get; private set; }

    internal FuseSession? AttachedSession => Session;

    internal void Attach(FuseSession? session) => Session = session;

    /// <summary>INIT: may adjust <see cref="FuseConnection.Want"/> and limits. libfuse's defaults are kept otherwise.</summary>
    public virtual void Init(FuseConnection connection) { }

    /// <summary>The session is being destroyed (after the loop ended).</summary>
    public virtual void Destroy() { }

    /// <summary>
    /// Each successful answer with a non-zero NodeId counts one lookup of that node, until <see cref="Forget"/>
    /// (also true for MkNod, MkDir, Symlink, Link and Create).
    /// </summary>
    public virtual int Lookup(ulong parent, ReadOnlySpan<byte> name, out FuseEntry entry) { entry = default; return Errno.ENOSYS; }

    /// <summary>The kernel dropped <paramref name="lookups"/> references to the node (FORGET and BATCH_FORGET).</summary>
    public virtual void Forget(ulong node, ulong lookups) { }

    public virtual int GetAttr(ulong node, ulong? handle, out FuseStat attr, out double timeout)
    { attr = default; timeout = 0; return Errno.ENOSYS; }

    public virtual int SetAttr(ulong node, in FuseSetAttr changes, ulong? handle, out FuseStat attr, out double timeout)
    { attr = default; timeout = 0; return Errno.ENOSYS; }

    public virtual int ReadLink(ulong node, out byte[] target) { target = []; return Errno.ENOSYS; }

    public virtual int MkNod(ulong parent, ReadOnlySpan<byte> name, uint mode, ulong rdev, FuseCaller caller, out FuseEntry entry)
    { entry = default; return Errno.ENOSYS; }

    public virtual int MkDir(ulong parent, ReadOnlySpan<byte> name, uint mode, FuseCaller caller, out FuseEntry entry)
    { entry = default; return Errno.ENOSYS; }

    public virtual int Unlink(ulong parent, ReadOnlySpan<byte> name) => Errno.ENOSYS;

    public virtual int RmDir(ulong parent, ReadOnlySpan<byte> name) => Errno.ENOSYS;

    public virtual int Symlink(ReadOnlySpan<byte> target, ulong parent, ReadOnlySpan<byte> name, FuseCaller caller, out FuseEntry entry)
    { entry = default; return Errno.ENOSYS; }

    /// <summary><paramref name="flags"/> are renameat2's: RENAME_NOREPLACE = 1, RENAME_EXCHANGE = 2.</summary>
    public virtual int Rename(ulong parent, ReadOnlySpan<byte> name, ulong newParent, ReadOnlySpan<byte> newName, uint flags) => Errno.ENOSYS;

    public virtual int Link(ulong node, ulong newParent, ReadOnlySpan<byte> newName, out FuseEntry entry)
    { entry = default; return Errno.ENOSYS; }

    public virtual int Open(ulong node, ref FuseOpenInfo info) => Errno.ENOSYS;

    /// <summary>
    /// Fills <paramref name="buffer"/> (native scratch of exactly the requested size) from <paramref name="offset"/>;
    /// fewer bytes than requested means end of file.
    /// </summary>
    public virtual int Read(ulong node, ulong handle, long offset, Span<byte> buffer, out int bytesRead) { bytesRead = 0; return Errno.ENOSYS; }

    public virtual int Write(ulong node, ulong handle, long offset, ReadOnlySpan<byte> data, out int bytesWritten) { bytesWritten = 0; return Errno.ENOSYS; }

    public virtual int Flush(ulong node, ulong handle) => Errno.ENOSYS;

    public virtual int Release(ulong node, ulong handle, int flags) => Errno.ENOSYS;

    public virtual int Fsync(ulong node, ulong handle, bool dataOnly) => Errno.ENOSYS;

    public virtual int OpenDir(ulong node, ref FuseOpenInfo info) => Errno.ENOSYS;

    /// <summary>
    /// Lists entries starting after <paramref name="offset"/> (0 = from the start) for both readdir and readdirplus
    /// (<see cref="FuseDirectoryWriter.IsPlus"/>). Stop when <see cref="FuseDirectoryWriter.TryAdd"/> returns false;
    /// the kernel asks again with the last added entry's nextOffset. Adding nothing means end of directory.
    /// </summary>
    public virtual int ReadDir(ulong node, ulong handle, long offset, ref FuseDirectoryWriter writer) => Errno.ENOSYS;

    public virtual int ReleaseDir(ulong node, ulong handle) => Errno.ENOSYS;

    public virtual int FsyncDir(ulong node, ulong handle, bool dataOnly) => Errno.ENOSYS;

    public virtual int StatFs(ulong node, out FuseStatFs stat) { stat = default; return Errno.ENOSYS; }

    /// <summary><paramref name="flags"/>: XATTR_CREATE = 1, XATTR_REPLACE = 2.</summary>
    public virtual int SetXattr(ulong node, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, int flags) => Errno.ENOSYS;

    /// <summary>The whole value; the layer answers size probes and ERANGE itself. Missing attribute: ENODATA.</summary>
    public virtual int GetXattr(ulong node, ReadOnlySpan<byte> name, out byte[] value) { value = []; return Errno.ENOSYS; }

    /// <summary>All names, each followed by a NUL byte; the layer answers size probes and ERANGE itself.</summary>
    public virtual int ListXattr(ulong node, out byte[] nulTerminatedNames) { nulTerminatedNames = []; return Errno.ENOSYS; }

    public virtual int RemoveXattr(ulong node, ReadOnlySpan<byte> name) => Errno.ENOSYS;

    public virtual int Access(ulong node, int mask) => Errno.ENOSYS;

    public virtual int Create(ulong parent, ReadOnlySpan<byte> name, uint mode, ref FuseOpenInfo info, FuseCaller caller, out FuseEntry entry)
    { entry = default; return Errno.ENOSYS; }

    public virtual int Fallocate(ulong node, ulong handle, int mode, long offset, long length) => Errno.ENOSYS;

    /// <summary>lseek with SEEK_DATA (3) / SEEK_HOLE (4); the kernel handles the other whences itself.</summary>
    public virtual int Lseek(ulong node, ulong handle, long offset, int whence, out long result) { result = 0; return Errno.ENOSYS; }
}
