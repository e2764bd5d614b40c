namespace AmduatFs.Fuse.Tests;

/// <summary>
/// A <see cref="MemoryFileSystem"/> mounted on a fresh temporary directory, served by <see cref="FuseSession.Run"/>
/// on a thread of its own. Dispose stops it and makes sure nothing stays mounted.
/// </summary>
internal sealed class TestMount : IDisposable
{
    private readonly Thread _loop;
    private Exception? _loopFailure;

    public TestMount(FuseMountOptions? options = null, MemoryFileSystem? fs = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("amduatfs-fuse-test-").FullName;
        Fs = fs ?? new MemoryFileSystem();
        Session = FuseSession.Mount(Fs, Directory, options ?? new FuseMountOptions(), Logger);
        _loop = new Thread(() =>
        {
            try { Session.Run(); }
            catch (Exception e) { _loopFailure = e; }
        }) { IsBackground = true, Name = "fuse loop " + Directory };
        _loop.Start();
    }

    public string Directory { get; }
    public MemoryFileSystem Fs { get; }
    public FuseSession Session { get; }
    public ListLogger Logger { get; } = new();

    public string PathOf(string relative) => Path.Join(Directory, relative);

    /// <summary>Requests a stop and waits for Run to return; true when it did in time.</summary>
    public bool Stop(TimeSpan timeout)
    {
        Session.RequestStop();
        bool ended = _loop.Join(timeout);
        if (_loopFailure is not null) throw new InvalidOperationException("Run failed", _loopFailure);
        return ended;
    }

    public void Dispose()
    {
        Stop(TimeSpan.FromSeconds(10));
        if (FuseMounts.IsMounted(Directory)) FuseMounts.Unmount(Directory);
        try { System.IO.Directory.Delete(Directory); } catch (IOException) { /* best effort */ }
    }
}
