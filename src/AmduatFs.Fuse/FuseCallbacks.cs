using System.Runtime.InteropServices;
using AmduatFs.Fuse.Native;

namespace AmduatFs.Fuse;

/// <summary>
/// The <c>fuse_lowlevel_ops</c> callbacks. Each one finds its <see cref="FuseDispatcher"/> through the request's
/// userdata, calls the filesystem inside try/catch (no exception may reach native code) and then answers exactly once.
/// </summary>
internal static unsafe class FuseCallbacks
{
    /// <summary>A <c>struct fuse_lowlevel_ops</c> in native memory; free it with NativeMemory.Free after the session is destroyed.</summary>
    public static nint* CreateOperationTable()
    {
        var ops = (nint*)NativeMemory.AllocZeroed(LowlevelOpSlot.Count, (nuint)sizeof(nint));
        ops[LowlevelOpSlot.Init] = (nint)(delegate* unmanaged<nint, FuseConnInfo*, void>)&Init;
        ops[LowlevelOpSlot.Destroy] = (nint)(delegate* unmanaged<nint, void>)&Destroy;
        ops[LowlevelOpSlot.Lookup] = (nint)(delegate* unmanaged<nint, ulong, byte*, void>)&Lookup;
        ops[LowlevelOpSlot.Forget] = (nint)(delegate* unmanaged<nint, ulong, ulong, void>)&Forget;
        ops[LowlevelOpSlot.ForgetMulti] = (nint)(delegate* unmanaged<nint, nuint, FuseForgetData*, void>)&ForgetMulti;
        ops[LowlevelOpSlot.GetAttr] = (nint)(delegate* unmanaged<nint, ulong, FuseFileInfo*, void>)&GetAttr;
        ops[LowlevelOpSlot.SetAttr] = (nint)(delegate* unmanaged<nint, ulong, FuseStat*, int, FuseFileInfo*, void>)&SetAttr;
        ops[LowlevelOpSlot.ReadLink] = (nint)(delegate* unmanaged<nint, ulong, void>)&ReadLink;
        ops[LowlevelOpSlot.MkNod] = (nint)(delegate* unmanaged<nint, ulong, byte*, uint, ulong, void>)&MkNod;
        ops[LowlevelOpSlot.MkDir] = (nint)(delegate* unmanaged<nint, ulong, byte*, uint, void>)&MkDir;
        ops[LowlevelOpSlot.Unlink] = (nint)(delegate* unmanaged<nint, ulong, byte*, void>)&Unlink;
        ops[LowlevelOpSlot.RmDir] = (nint)(delegate* unmanaged<nint, ulong, byte*, void>)&RmDir;
        ops[LowlevelOpSlot.Symlink] = (nint)(delegate* unmanaged<nint, byte*, ulong, byte*, void>)&Symlink;
        ops[LowlevelOpSlot.Rename] = (nint)(delegate* unmanaged<nint, ulong, byte*, ulong, byte*, uint, void>)&Rename;
        ops[LowlevelOpSlot.Link] = (nint)(delegate* unmanaged<nint, ulong, ulong, byte*, void>)&Link;
        ops[LowlevelOpSlot.Open] = (nint)(delegate* unmanaged<nint, ulong, FuseFileInfo*, void>)&Open;
        ops[LowlevelOpSlot.Read] = (nint)(delegate* unmanaged<nint, ulong, nuint, long, FuseFileInfo*, void>)&Read;
        ops[LowlevelOpSlot.Write] = (nint)(delegate* unmanaged<nint, ulong, byte*, nuint, long, FuseFileInfo*, void>)&Write;
        ops[LowlevelOpSlot.Flush] = (nint)(delegate* unmanaged<nint, ulong, FuseFileInfo*, void>)&Flush;
        ops[LowlevelOpSlot.Release] = (nint)(delegate* unmanaged<nint, ulong, FuseFileInfo*, void>)&Release;
        ops[LowlevelOpSlot.Fsync] = (nint)(delegate* unmanaged<nint, ulong, int, FuseFileInfo*, void>)&Fsync;
        ops[LowlevelOpSlot.OpenDir] = (nint)(delegate* unmanaged<nint, ulong, FuseFileInfo*, void>)&OpenDir;
        ops[LowlevelOpSlot.ReadDir] = (nint)(delegate* unmanaged<nint, ulong, nuint, long, FuseFileInfo*, void>)&ReadDir;
        ops[LowlevelOpSlot.ReadDirPlus] = (nint)(delegate* unmanaged<nint, ulong, nuint, long, FuseFileInfo*, void>)&ReadDirPlus;
        ops[LowlevelOpSlot.ReleaseDir] = (nint)(delegate* unmanaged<nint, ulong, FuseFileInfo*, void>)&ReleaseDir;
        ops[LowlevelOpSlot.FsyncDir] = (nint)(delegate* unmanaged<nint, ulong, int, FuseFileInfo*, void>)&FsyncDir;
        ops[LowlevelOpSlot.StatFs] = (nint)(delegate* unmanaged<nint, ulong, void>)&StatFs;
        ops[LowlevelOpSlot.SetXattr] = (nint)(delegate* unmanaged<nint, ulong, byte*, byte*, nuint, int, void>)&SetXattr;
        ops[LowlevelOpSlot.GetXattr] = (nint)(delegate* unmanaged<nint, ulong, byte*, nuint, void>)&GetXattr;
        ops[LowlevelOpSlot.ListXattr] = (nint)(delegate* unmanaged<nint, ulong, nuint, void>)&ListXattr;
        ops[LowlevelOpSlot.RemoveXattr] = (nint)(delegate* unmanaged<nint, ulong, byte*, void>)&RemoveXattr;
        ops[LowlevelOpSlot.Access] = (nint)(delegate* unmanaged<nint, ulong, int, void>)&Access;
        ops[LowlevelOpSlot.Create] = (nint)(delegate* unmanaged<nint, ulong, byte*, uint, FuseFileInfo*, void>)&Create;
        ops[LowlevelOpSlot.Fallocate] = (nint)(delegate* unmanaged<nint, ulong, int, long, long, FuseFileInfo*, void>)&Fallocate;
        ops[LowlevelOpSlot.Lseek] = (nint)(delegate* unmanaged<nint, ulong, long, int, FuseFileInfo*, void>)&Lseek;
        return ops;
    }

    private static ReadOnlySpan<byte> Name(byte* name) => MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name);

    private static ulong? Handle(FuseFileInfo* fi) => fi == null ? null : fi->Fh;

    [UnmanagedCallersOnly]
    private static void Init(nint userData, FuseConnInfo* conn)
    {
        var d = FuseDispatcher.FromUserData(userData);
        try
        {
            var connection = new FuseConnection
            {
                ProtoMajor = conn->ProtoMajor, ProtoMinor = conn->ProtoMinor, Capable = conn->Capable, Want = conn->Want,
                MaxWrite = conn->MaxWrite, MaxBackground = conn->MaxBackground,
                // The kernel applies min(bdi read_ahead_kb, this), so a raised read_ahead_kb needs a raised offer here.
                MaxReadahead = d.ReadAheadBytes is uint readAhead ? Math.Max(conn->MaxReadahead, readAhead) : conn->MaxReadahead,
                TimeGran = conn->TimeGran,
            };
            d.Fs.Init(connection);
            conn->Want = connection.Want & connection.Capable;
            conn->MaxWrite = connection.MaxWrite;
            conn->MaxReadahead = connection.MaxReadahead;
            conn->MaxBackground = connection.MaxBackground;
            conn->TimeGran = connection.TimeGran;
        }
        catch (Exception e)
        {
            try { FuseLog.InitThrew(d.Logger, e); } catch { /* see FuseDispatcher.Failed */ }
            LibFuse.fuse_session_exit(d.Session);
        }
    }

    [UnmanagedCallersOnly]
    private static void Destroy(nint userData)
    {
        var d = FuseDispatcher.FromUserData(userData);
        try { d.Fs.Destroy(); }
        catch (Exception e) { d.Failed("destroy", 0, e); }
    }

    [UnmanagedCallersOnly]
    private static void Lookup(nint req, ulong parent, byte* name)
    {
        var d = FuseDispatcher.Of(req);
        FuseEntry entry = default;
        int err;
        try { err = d.Fs.Lookup(parent, Name(name), out entry); }
        catch (Exception e) { err = d.Failed("lookup", parent, e); }
        d.ReplyEntry(req, err, &entry, "lookup", parent);
    }

    [UnmanagedCallersOnly]
    private static void Forget(nint req, ulong node, ulong lookups)
    {
        var d = FuseDispatcher.Of(req);
        try { d.Fs.Forget(node, lookups); }
        catch (Exception e) { d.Failed("forget", node, e); }
        LibFuse.fuse_reply_none(req);
    }

    [UnmanagedCallersOnly]
    private static void ForgetMulti(nint req, nuint count, FuseForgetData* forgets)
    {
        var d = FuseDispatcher.Of(req);
        for (nuint i = 0; i < count; i++)
        {
            try { d.Fs.Forget(forgets[i].Ino, forgets[i].Nlookup); }
            catch (Exception e) { d.Failed("forget", forgets[i].Ino, e); }
        }
        LibFuse.fuse_reply_none(req);
    }

    [UnmanagedCallersOnly]
    private static void GetAttr(nint req, ulong node, FuseFileInfo* fi)
    {
        var d = FuseDispatcher.Of(req);
        FuseStat attr = default;
        double timeout = 0;
        int err;
        try { err = d.Fs.GetAttr(node, Handle(fi), out attr, out timeout); }
        catch (Exception e) { err = d.Failed("getattr", node, e); }
        d.ReplyAttr(req, err, &attr, timeout, "getattr", node);
    }

    [UnmanagedCallersOnly]
    private static void SetAttr(nint req, ulong node, FuseStat* changed, int toSet, FuseFileInfo* fi)
    {
        var d = FuseDispatcher.Of(req);
        FuseStat attr = default;
        double timeout = 0;
        int err;
        try
        {
            var changes = new FuseSetAttr
            {
                Fields = (FuseSetAttrFields)toSet, Mode = changed->Mode, Uid = changed->Uid, Gid = changed->Gid,
                Size = changed->Size, Atime = changed->Atime, Mtime = changed->Mtime, Ctime = changed->Ctime,
            };
            err = d.Fs.SetAttr(node, changes, Handle(fi), out attr, out timeout);
        }
        catch (Exception e) { err = d.Failed("setattr", node, e); }
        d.ReplyAttr(req, err, &attr, timeout, "setattr", node);
    }

    [UnmanagedCallersOnly]
    private static void ReadLink(nint req, ulong node)
    {
        var d = FuseDispatcher.Of(req);
        NativeBuffer buffer = default;
        int err;
        try
        {
            err = d.Fs.ReadLink(node, out byte[] target);
            if (err == 0)
            {
                buffer = d.Buffers.Rent(target.Length + 1);
                target.CopyTo(new Span<byte>(buffer.Pointer, target.Length));
                buffer.Pointer[target.Length] = 0;
            }
        }
        catch (Exception e) { err = d.Failed("readlink", node, e); }
        if (err == 0) LibFuse.fuse_reply_readlink(req, buffer.Pointer);
        else d.ReplyError(req, err, "readlink", node);
        if (buffer.Pointer != null) d.Buffers.Return(buffer);
    }

    [UnmanagedCallersOnly]
    private static void MkNod(nint req, ulong parent, byte* name, uint mode, ulong rdev)
    {
        var d = FuseDispatcher.Of(req);
        FuseEntry entry = default;
        int err;
        try { err = d.Fs.MkNod(parent, Name(name), mode, rdev, FuseDispatcher.Caller(req), out entry); }
        catch (Exception e) { err = d.Failed("mknod", parent, e); }
        d.ReplyEntry(req, err, &entry, "mknod", parent);
    }

    [UnmanagedCallersOnly]
    private static void MkDir(nint req, ulong parent, byte* name, uint mode)
    {
        var d = FuseDispatcher.Of(req);
        FuseEntry entry = default;
        int err;
        try { err = d.Fs.MkDir(parent, Name(name), mode, FuseDispatcher.Caller(req), out entry); }
        catch (Exception e) { err = d.Failed("mkdir", parent, e); }
        d.ReplyEntry(req, err, &entry, "mkdir", parent);
    }

    [UnmanagedCallersOnly]
    private static void Unlink(nint req, ulong parent, byte* name)
    {
        var d = FuseDispatcher.Of(req);
        int err;
        try { err = d.Fs.Unlink(parent, Name(name)); }
        catch (Exception e) { err = d.Failed("unlink", parent, e); }
        d.ReplyError(req, err, "unlink", parent);
    }

    [UnmanagedCallersOnly]
    private static void RmDir(nint req, ulong parent, byte* name)
    {
        var d = FuseDispatcher.Of(req);
        int err;
        try { err = d.Fs.RmDir(parent, Name(name)); }
        catch (Exception e) { err = d.Failed("rmdir", parent, e); }
        d.ReplyError(req, err, "rmdir", parent);
    }

    [UnmanagedCallersOnly]
    private static void Symlink(nint req, byte* target, ulong parent, byte* name)
    {
        var d = FuseDispatcher.Of(req);
        FuseEntry entry = default;
        int err;
        try { err = d.Fs.Symlink(Name(target), parent, Name(name), FuseDispatcher.Caller(req), out entry); }
        catch (Exception e) { err = d.Failed("symlink", parent, e); }
        d.ReplyEntry(req, err, &entry, "symlink", parent);
    }

    [UnmanagedCallersOnly]
    private static void Rename(nint req, ulong parent, byte* name, ulong newParent, byte* newName, uint flags)
    {
        var d = FuseDispatcher.Of(req);
        int err;
        try { err = d.Fs.Rename(parent, Name(name), newParent, Name(newName), flags); }
        catch (Exception e) { err = d.Failed("rename", parent, e); }
        d.ReplyError(req, err, "rename", parent);
    }

    [UnmanagedCallersOnly]
    private static void Link(nint req, ulong node, ulong newParent, byte* newName)
    {
        var d = FuseDispatcher.Of(req);
        FuseEntry entry = default;
        int err;
        try { err = d.Fs.Link(node, newParent, Name(newName), out entry); }
        catch (Exception e) { err = d.Failed("link", node, e); }
        d.ReplyEntry(req, err, &entry, "link", node);
    }

    [UnmanagedCallersOnly]
    private static void Open(nint req, ulong node, FuseFileInfo* fi)
    {
        var d = FuseDispatcher.Of(req);
        var info = FuseDispatcher.OpenInfo(fi);
        int err;
        try { err = d.Fs.Open(node, ref info); }
        catch (Exception e) { err = d.Failed("open", node, e); }
        d.ReplyOpen(req, err, info, fi, directory: false, "open", node);
    }

    [UnmanagedCallersOnly]
    private static void Read(nint req, ulong node, nuint size, long offset, FuseFileInfo* fi)
    {
        var d = FuseDispatcher.Of(req);
        NativeBuffer buffer = default;
        int bytesRead = 0;
        int err;
        try
        {
            buffer = d.Buffers.Rent((int)size);
            err = d.Fs.Read(node, fi->Fh, offset, new Span<byte>(buffer.Pointer, (int)size), out bytesRead);
            if (err == 0 && (bytesRead < 0 || (nuint)bytesRead > size)) err = d.Invalid("read", node, bytesRead);
        }
        catch (Exception e) { err = d.Failed("read", node, e); }
        if (err == 0) LibFuse.fuse_reply_buf(req, buffer.Pointer, (nuint)bytesRead);
        else d.ReplyError(req, err, "read", node);
        if (buffer.Pointer != null) d.Buffers.Return(buffer);
    }

    [UnmanagedCallersOnly]
    private static void Write(nint req, ulong node, byte* data, nuint size, long offset, FuseFileInfo* fi)
    {
        var d = FuseDispatcher.Of(req);
        int bytesWritten = 0;
        int err;
        try
        {
            err = d.Fs.Write(node, fi->Fh, offset, new ReadOnlySpan<byte>(data, (int)size), out bytesWritten);
            if (err == 0 && (bytesWritten < 0 || (nuint)bytesWritten > size)) err = d.Invalid("write", node, bytesWritten);
        }
        catch (Exception e) { err = d.Failed("write", node, e); }
        if (err == 0) LibFuse.fuse_reply_write(req, (nuint)bytesWritten);
        else d.ReplyError(req, err, "write", node);
    }

    [UnmanagedCallersOnly]
    private static void Flush(nint req, ulong node, FuseFileInfo* fi)
    {
        var d = FuseDispatcher.Of(req);
        int err;
        try { err = d.Fs.Flush(node, fi->Fh); }
        catch (Exception e) { err = d.Failed("flush", node, e); }
        d.ReplyError(req, err, "flush", node);
    }

    [UnmanagedCallersOnly]
    private static void Release(nint req, ulong node, FuseFileInfo* fi)
    {
        var d = FuseDispatcher.Of(req);
        int err;
        try { err = d.Fs.Release(node, fi->Fh, fi->Flags); }
        catch (Exception e) { err = d.Failed("release", node, e); }
        d.ReplyError(req, err, "release", node);
    }

    [UnmanagedCallersOnly]
    private static void Fsync(nint req, ulong node, int dataOnly, FuseFileInfo* fi)
    {
        var d = FuseDispatcher.Of(req);
        int err;
        try { err = d.Fs.Fsync(node, fi->Fh, dataOnly != 0); }
        catch (Exception e) { err = d.Failed("fsync", node, e); }
        d.ReplyError(req, err, "fsync", node);
    }

    [UnmanagedCallersOnly]
    private static void OpenDir(nint req, ulong node, FuseFileInfo* fi)
    {
        var d = FuseDispatcher.Of(req);
        var info = FuseDispatcher.OpenInfo(fi);
        int err;
        try { err = d.Fs.OpenDir(node, ref info); }
        catch (Exception e) { err = d.Failed("opendir", node, e); }
        d.ReplyOpen(req, err, info, fi, directory: true, "opendir", node);
    }

    [UnmanagedCallersOnly]
    private static void ReadDir(nint req, ulong node, nuint size, long offset, FuseFileInfo* fi) =>
        ReadDirectory(req, node, size, offset, fi, plus: false);

    [UnmanagedCallersOnly]
    private static void ReadDirPlus(nint req, ulong node, nuint size, long offset, FuseFileInfo* fi) =>
        ReadDirectory(req, node, size, offset, fi, plus: true);

    private static void ReadDirectory(nint req, ulong node, nuint size, long offset, FuseFileInfo* fi, bool plus)
    {
        var d = FuseDispatcher.Of(req);
        NativeBuffer buffer = default;
        int used = 0;
        int err;
        try
        {
            buffer = d.Buffers.Rent((int)size);
            var writer = new FuseDirectoryWriter(req, buffer.Pointer, (int)size, plus);
            err = d.Fs.ReadDir(node, fi->Fh, offset, ref writer);
            used = writer.Used;
        }
        catch (Exception e) { err = d.Failed(plus ? "readdirplus" : "readdir", node, e); }
        if (err == 0) LibFuse.fuse_reply_buf(req, buffer.Pointer, (nuint)used);
        else d.ReplyError(req, err, plus ? "readdirplus" : "readdir", node);
        if (buffer.Pointer != null) d.Buffers.Return(buffer);
    }

    [UnmanagedCallersOnly]
    private static void ReleaseDir(nint req, ulong node, FuseFileInfo* fi)
    {
        var d = FuseDispatcher.Of(req);
        int err;
        try { err = d.Fs.ReleaseDir(node, fi->Fh); }
        catch (Exception e) { err = d.Failed("releasedir", node, e); }
        d.ReplyError(req, err, "releasedir", node);
    }

    [UnmanagedCallersOnly]
    private static void FsyncDir(nint req, ulong node, int dataOnly, FuseFileInfo* fi)
    {
        var d = FuseDispatcher.Of(req);
        int err;
        try { err = d.Fs.FsyncDir(node, fi->Fh, dataOnly != 0); }
        catch (Exception e) { err = d.Failed("fsyncdir", node, e); }
        d.ReplyError(req, err, "fsyncdir", node);
    }

    [UnmanagedCallersOnly]
    private static void StatFs(nint req, ulong node)
    {
        var d = FuseDispatcher.Of(req);
        FuseStatFs s = default;
        int err;
        try { err = d.Fs.StatFs(node, out s); }
        catch (Exception e) { err = d.Failed("statfs", node, e); }
        if (err != 0) { d.ReplyError(req, err, "statfs", node); return; }
        var native = new StatVfs
        {
            Bsize = s.BlockSize, Frsize = s.FragmentSize, Blocks = s.Blocks, Bfree = s.BlocksFree, Bavail = s.BlocksAvailable,
            Files = s.Files, Ffree = s.FilesFree, Favail = s.FilesAvailable, Fsid = s.FsId, Flag = s.Flags, Namemax = s.NameMax,
        };
        LibFuse.fuse_reply_statfs(req, &native);
    }

    [UnmanagedCallersOnly]
    private static void SetXattr(nint req, ulong node, byte* name, byte* value, nuint size, int flags)
    {
        var d = FuseDispatcher.Of(req);
        int err;
        try { err = d.Fs.SetXattr(node, Name(name), new ReadOnlySpan<byte>(value, (int)size), flags); }
        catch (Exception e) { err = d.Failed("setxattr", node, e); }
        d.ReplyError(req, err, "setxattr", node);
    }

    [UnmanagedCallersOnly]
    private static void GetXattr(nint req, ulong node, byte* name, nuint size)
    {
        var d = FuseDispatcher.Of(req);
        byte[] value = [];
        int err;
        try { err = d.Fs.GetXattr(node, Name(name), out value); }
        catch (Exception e) { err = d.Failed("getxattr", node, e); }
        ReplyXattr(d, req, err, value, size, "getxattr", node);
    }

    [UnmanagedCallersOnly]
    private static void ListXattr(nint req, ulong node, nuint size)
    {
        var d = FuseDispatcher.Of(req);
        byte[] names = [];
        int err;
        try { err = d.Fs.ListXattr(node, out names); }
        catch (Exception e) { err = d.Failed("listxattr", node, e); }
        ReplyXattr(d, req, err, names, size, "listxattr", node);
    }

    /// <summary>size 0 asks only for the length; a value longer than size is ERANGE.</summary>
    private static void ReplyXattr(FuseDispatcher d, nint req, int err, byte[]? value, nuint size, string operation, ulong node)
    {
        value ??= [];
        if (err != 0) d.ReplyError(req, err, operation, node);
        else if (size == 0) LibFuse.fuse_reply_xattr(req, (nuint)value.Length);
        else if ((nuint)value.Length > size) LibFuse.fuse_reply_err(req, Errno.ERANGE);
        else
            fixed (byte* p = value)
                LibFuse.fuse_reply_buf(req, p, (nuint)value.Length);
    }

    [UnmanagedCallersOnly]
    private static void RemoveXattr(nint req, ulong node, byte* name)
    {
        var d = FuseDispatcher.Of(req);
        int err;
        try { err = d.Fs.RemoveXattr(node, Name(name)); }
        catch (Exception e) { err = d.Failed("removexattr", node, e); }
        d.ReplyError(req, err, "removexattr", node);
    }

    [UnmanagedCallersOnly]
    private static void Access(nint req, ulong node, int mask)
    {
        var d = FuseDispatcher.Of(req);
        int err;
        try { err = d.Fs.Access(node, mask); }
        catch (Exception e) { err = d.Failed("access", node, e); }
        d.ReplyError(req, err, "access", node);
    }

    [UnmanagedCallersOnly]
    private static void Create(nint req, ulong parent, byte* name, uint mode, FuseFileInfo* fi)
    {
        var d = FuseDispatcher.Of(req);
        var info = FuseDispatcher.OpenInfo(fi);
        FuseEntry entry = default;
        int err;
        try { err = d.Fs.Create(parent, Name(name), mode, ref info, FuseDispatcher.Caller(req), out entry); }
        catch (Exception e) { err = d.Failed("create", parent, e); }
        d.ReplyCreate(req, err, &entry, info, fi, parent);
    }

    [UnmanagedCallersOnly]
    private static void Fallocate(nint req, ulong node, int mode, long offset, long length, FuseFileInfo* fi)
    {
        var d = FuseDispatcher.Of(req);
        int err;
        try { err = d.Fs.Fallocate(node, fi->Fh, mode, offset, length); }
        catch (Exception e) { err = d.Failed("fallocate", node, e); }
        d.ReplyError(req, err, "fallocate", node);
    }

    [UnmanagedCallersOnly]
    private static void Lseek(nint req, ulong node, long offset, int whence, FuseFileInfo* fi)
    {
        var d = FuseDispatcher.Of(req);
        long result = 0;
        int err;
        try { err = d.Fs.Lseek(node, fi->Fh, offset, whence, out result); }
        catch (Exception e) { err = d.Failed("lseek", node, e); }
        if (err == 0) LibFuse.fuse_reply_lseek(req, result);
        else d.ReplyError(req, err, "lseek", node);
    }
}
