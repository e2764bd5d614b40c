using System.Runtime.InteropServices;
using System.Text;
using AmduatFs.Fuse.Native;
using Microsoft.Extensions.Logging;

namespace AmduatFs.Fuse;

/// <summary>
/// A mounted libfuse low-level session. <see cref="Mount"/> mounts, <see cref="Run"/> serves requests until the
/// filesystem is unmounted or <see cref="RequestStop"/> is called, then unmounts and destroys the session.
/// </summary>
public sealed unsafe class FuseSession : IDisposable
{
    private enum State { Mounted, Running, Finished }

    private readonly FuseFileSystem _fileSystem;
    private readonly FuseDispatcher _dispatcher;
    private readonly FuseMountOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<PosixSignalRegistration> _signals = [];
    private GCHandle _userData;
    private nint* _operations;
    private FuseArgs* _args;
    private nint _session;
    private FuseRequestLoop? _loop;
    private State _state;
    private bool _stopRequested;
    private volatile bool _detached;

    private FuseSession(FuseFileSystem fileSystem, string mountPoint, FuseMountOptions options, ILogger logger)
    {
        _fileSystem = fileSystem;
        _options = options;
        _logger = logger;
        MountPoint = mountPoint;
        _dispatcher = new FuseDispatcher(fileSystem, logger, options.Threads)
        {
            ReadAheadBytes = options.ReadAheadKb is int kb ? (uint)kb * 1024 : null,
        };
        _userData = GCHandle.Alloc(_dispatcher);
        _operations = FuseCallbacks.CreateOperationTable();
        _args = (FuseArgs*)NativeMemory.AllocZeroed((nuint)sizeof(FuseArgs));
    }

    public string MountPoint { get; }

    /// <summary>The mount's device number "major:minor" (as in /proc/self/mountinfo and /sys/class/bdi).</summary>
    public string Device { get; private set; } = "";

    /// <summary>
    /// Mounts <paramref name="fileSystem"/> at <paramref name="mountPoint"/>. Requests are served only once
    /// <see cref="Run"/> is called. Throws <see cref="FuseException"/> naming the problem when mounting fails.
    /// </summary>
    public static FuseSession Mount(FuseFileSystem fileSystem, string mountPoint, FuseMountOptions options, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.PollMicroseconds, nameof(options));
        string path = MountTable.Canonical(mountPoint);
        CheckMountPoint(path);
        var session = new FuseSession(fileSystem, path, options, logger);
        try
        {
            session.Start();
        }
        catch
        {
            session.TearDown();
            throw;
        }
        return session;
    }

    private static void CheckMountPoint(string path)
    {
        if (FuseMounts.Unavailable() is { } reason) throw new FuseException($"FUSE is not available: {reason}");
        if (FuseMounts.IsMounted(path))
            throw new FuseException($"{path} already has a FUSE filesystem mounted (perhaps stale: unmount it first)");
        if (File.Exists(path)) throw new FuseException($"mount point {path} is not a directory");
        if (!Directory.Exists(path)) throw new FuseException($"mount point {path} does not exist");
    }

    private void Start()
    {
        if (_fileSystem.AttachedSession is not null) throw new FuseException("this filesystem object is already mounted");
        AddArgument("amduatfs");
        AddArgument("-o");
        AddArgument(_options.OptionString());
        _session = LibFuse.fuse_session_new(_args, (nint)_operations, (nuint)(LowlevelOpSlot.Count * sizeof(nint)), GCHandle.ToIntPtr(_userData));
        if (_session == 0)
            throw new FuseException($"libfuse rejected the mount options \"{_options.OptionString()}\" (its message is on stderr)");
        _dispatcher.Session = _session;
        byte[] pathZ = Encoding.UTF8.GetBytes(MountPoint + "\0");
        int result;
        fixed (byte* p = pathZ) result = LibFuse.fuse_session_mount(_session, p);
        if (result != 0)
            throw new FuseException($"mounting at {MountPoint} failed (libfuse's message is on stderr; mounting needs root or fusermount3)");
        Device = MountTable.FindFuse(MountPoint)?.Device ?? "";
        _fileSystem.Attach(this);
        if (_options.ReadAheadKb is int readAhead) SetReadAhead(readAhead);
        FuseLog.Mounted(_logger, MountPoint, Device, $"{_options.Threads} threads, {_options.PollMicroseconds} µs polling");
    }

    private void AddArgument(string argument)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(argument + "\0");
        fixed (byte* p = bytes)
            if (LibFuse.fuse_opt_add_arg(_args, p) != 0) throw new OutOfMemoryException("fuse_opt_add_arg failed");
    }

    private void SetReadAhead(int kilobytes)
    {
        string file = $"/sys/class/bdi/{Device}/read_ahead_kb";
        try
        {
            if (Device.Length == 0) throw new IOException("the mount's device number is unknown");
            File.WriteAllText(file, kilobytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            FuseLog.ReadAheadNotSet(_logger, kilobytes, MountPoint, e.Message);
        }
    }

    /// <summary>
    /// Serves requests on <see cref="FuseMountOptions.Threads"/> threads (<see cref="FuseRequestLoop"/>) until the
    /// filesystem is unmounted or <see cref="RequestStop"/> is called; then unmounts and destroys the session
    /// (calling <see cref="FuseFileSystem.Destroy"/>). Call once, on a thread of its own.
    /// </summary>
    public void Run()
    {
        lock (_gate)
        {
            if (_state != State.Mounted) throw new InvalidOperationException("Run can be called only once, on a mounted session");
            _state = State.Running;
        }
        int result;
        try
        {
            var loop = new FuseRequestLoop(_session, _options.Threads, _options.PollMicroseconds);
            lock (_gate)
            {
                _loop = loop;
                if (_stopRequested) loop.Wake();
            }
            result = loop.Run();
        }
        finally
        {
            TearDown();
        }
        FuseLog.LoopEnded(_logger, MountPoint, result);
    }

    /// <summary>
    /// Thread-safe, also from signal handlers: lazily unmounts and ends the loop, so <see cref="Run"/> returns as soon
    /// as no process uses the mount any more.
    /// </summary>
    public void RequestStop()
    {
        lock (_gate)
        {
            if (_state == State.Finished || _stopRequested) return;
            _stopRequested = true;
        }
        FuseLog.StopRequested(_logger, MountPoint);
        try
        {
            // Only our own mount: something else may have been mounted over the same path since.
            if (MountTable.FindFuse(MountPoint)?.Device == Device)
            {
                FuseMounts.Unmount(MountPoint, lazy: true);
                // Tells TearDown not to unmount again: the path may no longer be ours, and libfuse would complain.
                _detached = true;
            }
        }
        catch (Exception e) when (e is FuseException or IOException)
        {
            FuseLog.UnmountFailed(_logger, MountPoint, e.Message);
        }
        // After the detach: once the loop sees this flag it may tear down at once.
        lock (_gate)
        {
            if (_state == State.Finished) return;
            LibFuse.fuse_session_exit(_session);
            _loop?.Wake();
        }
    }

    /// <summary>SIGINT, SIGTERM and SIGHUP call <see cref="RequestStop"/> instead of ending the process.</summary>
    public void InstallSignalHandlers()
    {
        lock (_gate)
        {
            if (_state == State.Finished) throw new ObjectDisposedException(nameof(FuseSession));
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
                _signals.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true;
                    RequestStop();
                }));
        }
    }

    /// <summary>
    /// Tells the kernel to drop its cached entry for <paramref name="name"/> in <paramref name="parent"/>. Returns 0 or
    /// a positive errno (ENOENT when the kernel had no such entry). Must not be called while serving a request that
    /// holds a lock this needs (e.g. from inside an operation on that directory): it would deadlock.
    /// </summary>
    public int NotifyInvalidateEntry(ulong parent, ReadOnlySpan<byte> name)
    {
        Span<byte> nameZ = name.Length < 256 ? stackalloc byte[256] : new byte[name.Length + 1];
        name.CopyTo(nameZ);
        nameZ[name.Length] = 0;
        lock (_gate)
        {
            if (_state == State.Finished) return Errno.ENOTCONN;
            fixed (byte* p = nameZ) return -LibFuse.fuse_lowlevel_notify_inval_entry(_session, parent, p, (nuint)name.Length);
        }
    }

    /// <summary>
    /// Tells the kernel to drop cached attributes and the data in [offset, offset+length) of a node (offset 0 and
    /// length 0 = all data; a negative offset = attributes only). Returns 0 or a positive errno.
    /// </summary>
    public int NotifyInvalidateInode(ulong node, long offset, long length)
    {
        lock (_gate)
        {
            if (_state == State.Finished) return Errno.ENOTCONN;
            return -LibFuse.fuse_lowlevel_notify_inval_inode(_session, node, offset, length);
        }
    }

    /// <summary>
    /// Puts <paramref name="data"/> into the kernel's page cache of <paramref name="node"/> at <paramref name="offset"/>
    /// (growing its cached size to cover it), so reads of that range need no request. Safe inside a request handler
    /// (e.g. while answering an open of that node). Returns 0 or a positive errno (ENOENT when the kernel no longer
    /// has the node).
    /// </summary>
    public int NotifyStore(ulong node, long offset, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            var buffers = new FuseBufVec { Count = 1, Buffer = new FuseBuf { Size = (nuint)data.Length, Mem = p, Fd = -1 } };
            lock (_gate)
            {
                if (_state == State.Finished) return Errno.ENOTCONN;
                return -LibFuse.fuse_lowlevel_notify_store(_session, node, offset, &buffers, 0);
            }
        }
    }

    /// <summary>Stops a running session (Run then finishes the teardown) or tears down one that never ran.</summary>
    public void Dispose()
    {
        bool running;
        lock (_gate) running = _state == State.Running;
        if (running) RequestStop();
        else TearDown();
    }

    private void TearDown()
    {
        lock (_gate)
        {
            if (_state == State.Finished) return;
            _state = State.Finished;
            foreach (var registration in _signals) registration.Dispose();
            _signals.Clear();
            if (_session != 0)
            {
                // Skipping fuse_session_unmount after our own detach leaves libfuse's copy of the path unfreed (a few bytes).
                if (!_detached) LibFuse.fuse_session_unmount(_session);
                LibFuse.fuse_session_destroy(_session);
                _session = 0;
            }
            LibFuse.fuse_opt_free_args(_args);
            NativeMemory.Free(_args);
            NativeMemory.Free(_operations);
            _args = null;
            _operations = null;
            _userData.Free();
            _dispatcher.Dispose();
            _loop?.Dispose();
            _loop = null;
            if (_fileSystem.AttachedSession == this) _fileSystem.Attach(null);
        }
    }
}
