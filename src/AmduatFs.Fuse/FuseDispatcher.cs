using System.Runtime.InteropServices;
using AmduatFs.Fuse.Native;
using Microsoft.Extensions.Logging;

namespace AmduatFs.Fuse;

/// <summary>
/// What the static callbacks reach through libfuse's userdata pointer: the filesystem, the logger, the scratch
/// buffers, and the reply helpers that make sure every request gets exactly one valid answer.
/// </summary>
internal sealed unsafe class FuseDispatcher(FuseFileSystem fileSystem, ILogger logger, int threads) : IDisposable
{
    public FuseFileSystem Fs { get; } = fileSystem;
    public ILogger Logger { get; } = logger;
    public NativeBufferPool Buffers { get; } = new(retain: threads + 2);

    /// <summary>The read-ahead the session configures (<see cref="FuseMountOptions.ReadAheadKb"/>), offered in INIT.</summary>
    public uint? ReadAheadBytes { get; init; }

    /// <summary>The fuse_session*, set once it exists (init uses it to stop a session whose Init threw).</summary>
    public nint Session { get; set; }

    public static FuseDispatcher Of(nint request) => FromUserData(LibFuse.fuse_req_userdata(request));

    public static FuseDispatcher FromUserData(nint userData) => (FuseDispatcher)GCHandle.FromIntPtr(userData).Target!;

    /// <summary>Logs an exception that a filesystem method threw; returns the errno to answer with.</summary>
    public int Failed(string operation, ulong node, Exception exception)
    {
        try { FuseLog.OperationThrew(Logger, operation, node, exception); }
        catch { /* a throwing logger must not take the process down */ }
        // On Linux, .NET gives an IOException from a failed system call the raw errno as HResult (ENOSPC, EDQUOT ...).
        return exception is IOException { HResult: > 0 and < 4096 } io ? io.HResult : Errno.EIO;
    }

    public int Invalid(string operation, ulong node, long result)
    {
        try { FuseLog.InvalidResult(Logger, operation, node, result); }
        catch { /* as in Failed */ }
        return Errno.EIO;
    }

    public void ReplyError(nint request, int error, string operation, ulong node)
    {
        if (error is < 0 or > 4095) error = Invalid(operation, node, error);
        LibFuse.fuse_reply_err(request, error);
    }

    /// <summary>Answers with the entry; when the kernel no longer waits for it, gives the lookup back.</summary>
    public void ReplyEntry(nint request, int error, FuseEntry* entry, string operation, ulong node)
    {
        if (error != 0) { ReplyError(request, error, operation, node); return; }
        if (LibFuse.fuse_reply_entry(request, entry) == -Errno.ENOENT && entry->NodeId != 0) ForgetUnsent(entry->NodeId);
    }

    public void ReplyAttr(nint request, int error, FuseStat* attr, double timeout, string operation, ulong node)
    {
        if (error != 0) ReplyError(request, error, operation, node);
        else LibFuse.fuse_reply_attr(request, attr, timeout);
    }

    /// <summary>Answers open/opendir; if the kernel no longer waits, nobody will release the handle but us.</summary>
    public void ReplyOpen(nint request, int error, in FuseOpenInfo info, FuseFileInfo* fi, bool directory, string operation, ulong node)
    {
        if (error != 0) { ReplyError(request, error, operation, node); return; }
        ApplyOpenInfo(info, fi);
        if (LibFuse.fuse_reply_open(request, fi) == -Errno.ENOENT) ReleaseUnsent(node, info, directory);
    }

    public void ReplyCreate(nint request, int error, FuseEntry* entry, in FuseOpenInfo info, FuseFileInfo* fi, ulong parent)
    {
        if (error != 0) { ReplyError(request, error, "create", parent); return; }
        ApplyOpenInfo(info, fi);
        if (LibFuse.fuse_reply_create(request, entry, fi) != -Errno.ENOENT) return;
        ReleaseUnsent(entry->NodeId, info, directory: false);
        ForgetUnsent(entry->NodeId);
    }

    public static FuseOpenInfo OpenInfo(FuseFileInfo* fi) => new()
    {
        Flags = fi->Flags,
        Handle = fi->Fh,
        DirectIo = (fi->Bits & FuseFileInfo.DirectIo) != 0,
        KeepCache = (fi->Bits & FuseFileInfo.KeepCache) != 0,
        NonSeekable = (fi->Bits & FuseFileInfo.NonSeekable) != 0,
        CacheReaddir = (fi->Bits & FuseFileInfo.CacheReaddir) != 0,
        NoFlush = (fi->Bits & FuseFileInfo.NoFlush) != 0,
    };

    public static FuseCaller Caller(nint request)
    {
        FuseCtx* ctx = LibFuse.fuse_req_ctx(request);
        return new FuseCaller(ctx->Uid, ctx->Gid, ctx->Pid, ctx->Umask);
    }

    private static void ApplyOpenInfo(in FuseOpenInfo info, FuseFileInfo* fi)
    {
        fi->Fh = info.Handle;
        uint bits = fi->Bits & ~(FuseFileInfo.DirectIo | FuseFileInfo.KeepCache | FuseFileInfo.NonSeekable | FuseFileInfo.CacheReaddir | FuseFileInfo.NoFlush);
        if (info.DirectIo) bits |= FuseFileInfo.DirectIo;
        if (info.KeepCache) bits |= FuseFileInfo.KeepCache;
        if (info.NonSeekable) bits |= FuseFileInfo.NonSeekable;
        if (info.CacheReaddir) bits |= FuseFileInfo.CacheReaddir;
        if (info.NoFlush) bits |= FuseFileInfo.NoFlush;
        fi->Bits = bits;
    }

    private void ForgetUnsent(ulong node)
    {
        try { Fs.Forget(node, 1); }
        catch (Exception e) { Failed("forget", node, e); }
    }

    private void ReleaseUnsent(ulong node, in FuseOpenInfo info, bool directory)
    {
        try
        {
            if (directory) Fs.ReleaseDir(node, info.Handle);
            else Fs.Release(node, info.Handle, info.Flags);
        }
        catch (Exception e) { Failed(directory ? "releasedir" : "release", node, e); }
    }

    public void Dispose() => Buffers.Dispose();
}
