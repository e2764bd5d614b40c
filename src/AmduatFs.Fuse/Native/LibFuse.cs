using System.Runtime.InteropServices;
using System.Text;

namespace AmduatFs.Fuse.Native;

/// <summary>
/// libfuse3.so.3 entry points, each bound with dlvsym at an explicit symbol version so that a newer libfuse
/// cannot switch an ABI underneath us. <see cref="TryLoad"/> must succeed before anything else here is used.
/// </summary>
internal static unsafe class LibFuse
{
    public const string LibraryName = "libfuse3.so.3";

    private static readonly Lock Gate = new();
    private static string? _loadError;
    private static bool _loaded;

    public static delegate* unmanaged<FuseArgs*, byte*, int> fuse_opt_add_arg;
    public static delegate* unmanaged<FuseArgs*, void> fuse_opt_free_args;
    public static delegate* unmanaged<FuseArgs*, nint, nuint, nint, nint> fuse_session_new;
    public static delegate* unmanaged<nint, byte*, int> fuse_session_mount;
    public static delegate* unmanaged<nint, void> fuse_session_unmount;
    public static delegate* unmanaged<nint, void> fuse_session_destroy;
    public static delegate* unmanaged<nint, int> fuse_session_fd;
    public static delegate* unmanaged<nint, FuseBuf*, int> fuse_session_receive_buf;
    public static delegate* unmanaged<nint, FuseBuf*, void> fuse_session_process_buf;
    public static delegate* unmanaged<nint, int> fuse_session_exited;
    public static delegate* unmanaged<nint, void> fuse_session_exit;
    public static delegate* unmanaged<nint, nint> fuse_req_userdata;
    public static delegate* unmanaged<nint, FuseCtx*> fuse_req_ctx;
    public static delegate* unmanaged<nint, int, int> fuse_reply_err;
    public static delegate* unmanaged<nint, void> fuse_reply_none;
    public static delegate* unmanaged<nint, FuseEntry*, int> fuse_reply_entry;
    public static delegate* unmanaged<nint, FuseEntry*, FuseFileInfo*, int> fuse_reply_create;
    public static delegate* unmanaged<nint, FuseStat*, double, int> fuse_reply_attr;
    public static delegate* unmanaged<nint, byte*, int> fuse_reply_readlink;
    public static delegate* unmanaged<nint, FuseFileInfo*, int> fuse_reply_open;
    public static delegate* unmanaged<nint, nuint, int> fuse_reply_write;
    public static delegate* unmanaged<nint, byte*, nuint, int> fuse_reply_buf;
    public static delegate* unmanaged<nint, StatVfs*, int> fuse_reply_statfs;
    public static delegate* unmanaged<nint, nuint, int> fuse_reply_xattr;
    public static delegate* unmanaged<nint, long, int> fuse_reply_lseek;
    public static delegate* unmanaged<nint, byte*, nuint, byte*, FuseStat*, long, nuint> fuse_add_direntry;
    public static delegate* unmanaged<nint, byte*, nuint, byte*, FuseEntry*, long, nuint> fuse_add_direntry_plus;
    public static delegate* unmanaged<nint, ulong, byte*, nuint, int> fuse_lowlevel_notify_inval_entry;
    public static delegate* unmanaged<nint, ulong, long, long, int> fuse_lowlevel_notify_inval_inode;
    public static delegate* unmanaged<nint, ulong, long, FuseBufVec*, int, int> fuse_lowlevel_notify_store;

    /// <summary>Loads the library and every symbol once; null on success, else why FUSE cannot be used.</summary>
    public static string? TryLoad()
    {
        lock (Gate)
        {
            if (!_loaded && _loadError is null) _loadError = Bind();
            return _loadError;
        }
    }

    private static string? Bind()
    {
        if (!NativeLibrary.TryLoad(LibraryName, out nint handle))
            return $"{LibraryName} cannot be loaded (install the fuse3 / libfuse3-3 package)";
        var missing = new List<string>();
        nint Symbol(string name, string version)
        {
            nint address = Lookup(handle, name, version);
            if (address == 0) missing.Add($"{name}@{version}");
            return address;
        }
        const string V30 = "FUSE_3.0";
        fuse_opt_add_arg = (delegate* unmanaged<FuseArgs*, byte*, int>)Symbol("fuse_opt_add_arg", V30);
        fuse_opt_free_args = (delegate* unmanaged<FuseArgs*, void>)Symbol("fuse_opt_free_args", V30);
        fuse_session_new = (delegate* unmanaged<FuseArgs*, nint, nuint, nint, nint>)Symbol("fuse_session_new", V30);
        fuse_session_mount = (delegate* unmanaged<nint, byte*, int>)Symbol("fuse_session_mount", V30);
        fuse_session_unmount = (delegate* unmanaged<nint, void>)Symbol("fuse_session_unmount", V30);
        fuse_session_destroy = (delegate* unmanaged<nint, void>)Symbol("fuse_session_destroy", V30);
        fuse_session_fd = (delegate* unmanaged<nint, int>)Symbol("fuse_session_fd", V30);
        fuse_session_receive_buf = (delegate* unmanaged<nint, FuseBuf*, int>)Symbol("fuse_session_receive_buf", V30);
        fuse_session_process_buf = (delegate* unmanaged<nint, FuseBuf*, void>)Symbol("fuse_session_process_buf", V30);
        fuse_session_exited = (delegate* unmanaged<nint, int>)Symbol("fuse_session_exited", V30);
        fuse_session_exit = (delegate* unmanaged<nint, void>)Symbol("fuse_session_exit", V30);
        fuse_req_userdata = (delegate* unmanaged<nint, nint>)Symbol("fuse_req_userdata", V30);
        fuse_req_ctx = (delegate* unmanaged<nint, FuseCtx*>)Symbol("fuse_req_ctx", V30);
        fuse_reply_err = (delegate* unmanaged<nint, int, int>)Symbol("fuse_reply_err", V30);
        fuse_reply_none = (delegate* unmanaged<nint, void>)Symbol("fuse_reply_none", V30);
        fuse_reply_entry = (delegate* unmanaged<nint, FuseEntry*, int>)Symbol("fuse_reply_entry", V30);
        fuse_reply_create = (delegate* unmanaged<nint, FuseEntry*, FuseFileInfo*, int>)Symbol("fuse_reply_create", V30);
        fuse_reply_attr = (delegate* unmanaged<nint, FuseStat*, double, int>)Symbol("fuse_reply_attr", V30);
        fuse_reply_readlink = (delegate* unmanaged<nint, byte*, int>)Symbol("fuse_reply_readlink", V30);
        fuse_reply_open = (delegate* unmanaged<nint, FuseFileInfo*, int>)Symbol("fuse_reply_open", V30);
        fuse_reply_write = (delegate* unmanaged<nint, nuint, int>)Symbol("fuse_reply_write", V30);
        fuse_reply_buf = (delegate* unmanaged<nint, byte*, nuint, int>)Symbol("fuse_reply_buf", V30);
        fuse_reply_statfs = (delegate* unmanaged<nint, StatVfs*, int>)Symbol("fuse_reply_statfs", V30);
        fuse_reply_xattr = (delegate* unmanaged<nint, nuint, int>)Symbol("fuse_reply_xattr", V30);
        fuse_reply_lseek = (delegate* unmanaged<nint, long, int>)Symbol("fuse_reply_lseek", V30);
        fuse_add_direntry = (delegate* unmanaged<nint, byte*, nuint, byte*, FuseStat*, long, nuint>)Symbol("fuse_add_direntry", V30);
        fuse_add_direntry_plus = (delegate* unmanaged<nint, byte*, nuint, byte*, FuseEntry*, long, nuint>)Symbol("fuse_add_direntry_plus", V30);
        fuse_lowlevel_notify_inval_entry = (delegate* unmanaged<nint, ulong, byte*, nuint, int>)Symbol("fuse_lowlevel_notify_inval_entry", V30);
        fuse_lowlevel_notify_inval_inode = (delegate* unmanaged<nint, ulong, long, long, int>)Symbol("fuse_lowlevel_notify_inval_inode", V30);
        fuse_lowlevel_notify_store = (delegate* unmanaged<nint, ulong, long, FuseBufVec*, int, int>)Symbol("fuse_lowlevel_notify_store", V30);
        if (missing.Count > 0) return $"{LibraryName} lacks symbols: {string.Join(", ", missing)}";
        _loaded = true;
        return null;
    }

    private static nint Lookup(nint handle, string name, string version)
    {
        byte[] nameZ = Encoding.ASCII.GetBytes(name + "\0");
        byte[] versionZ = Encoding.ASCII.GetBytes(version + "\0");
        fixed (byte* n = nameZ)
        fixed (byte* v = versionZ)
            return Libc.DlVSym(handle, n, v);
    }
}
