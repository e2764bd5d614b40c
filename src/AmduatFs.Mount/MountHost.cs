using AmduatFs.Fuse;
using AmduatFs.Store;
using Microsoft.Extensions.Logging;

namespace AmduatFs.Mount;

/// <summary>Serves a store at a mount point until it is unmounted or the process is told to stop.</summary>
public static class MountHost
{
    /// <summary>
    /// Mounts, calls <paramref name="mounted"/>, serves until unmount or SIGINT/SIGTERM/SIGHUP, then seals and
    /// commits everything staged before returning.
    /// </summary>
    public static void Serve(ArtifactStore store, string mountPoint, FuseMountOptions options, MountSettings settings,
        ILoggerFactory loggers, Action mounted)
    {
        var logger = loggers.CreateLogger("mount");
        using var fileSystem = new AmduatFileSystem(store, settings, loggers);
        options.FsName = store.Layout.Root;
        options.Subtype = "amduatfs";
        using (var session = FuseSession.Mount(fileSystem, mountPoint, options, loggers.CreateLogger("fuse")))
        {
            session.InstallSignalHandlers();
            logger.LogInformation("serving {Store} at {MountPoint}", store.Layout.Root, mountPoint);
            mounted();
            session.Run();
        }
        fileSystem.Shutdown();
        logger.LogInformation("unmounted {MountPoint}; staging committed", mountPoint);
    }

    /// <summary>
    /// Unmounts <paramref name="mountPoint"/> (lazily when busy or when its daemon is gone) and waits until the
    /// daemon has committed and let go of the store.
    /// </summary>
    /// <exception cref="InvalidOperationException">nothing of ours is mounted there.</exception>
    /// <exception cref="TimeoutException">the daemon did not finish in time.</exception>
    public static void Unmount(string mountPoint, TimeSpan wait)
    {
        string store = StoreMountedAt(mountPoint)
            ?? throw new InvalidOperationException($"no AmduatFs mount at {Path.GetFullPath(mountPoint)}");
        FuseMounts.Unmount(mountPoint, lazy: true);
        var deadline = DateTime.UtcNow + wait;
        while (WriterHolds(new StoreLayout(store).LockPath))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"unmounted {mountPoint}, but its daemon still holds {store} after {wait.TotalSeconds:0} s");
            Thread.Sleep(50);
        }
    }

    /// <summary>The store directory served at <paramref name="mountPoint"/> (the mount's source), or null when no AmduatFs is mounted there.</summary>
    public static string? StoreMountedAt(string mountPoint) =>
        FuseMounts.Find(mountPoint) is { FileSystemType: FileSystemType } mount ? mount.Source : null;

    private const string FileSystemType = "fuse.amduatfs";

    private static bool WriterHolds(string lockPath)
    {
        try
        {
            using var probe = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
