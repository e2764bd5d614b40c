namespace AmduatFs.Fuse;

/// <summary>
/// An open/opendir/create request: <see cref="Flags"/> are the open(2) flags coming in; the filesystem sets
/// <see cref="Handle"/> (passed back on every later call for this open file) and the caching switches going out.
/// </summary>
public struct FuseOpenInfo
{
    public int Flags;
    public ulong Handle;
    /// <summary>Keep the kernel's page cache of this file from earlier opens (for data that has not changed).</summary>
    public bool KeepCache;
    /// <summary>Bypass the page cache: reads and writes go straight to the filesystem with the caller's sizes.</summary>
    public bool DirectIo;
    /// <summary>opendir only: the kernel may cache the directory listing.</summary>
    public bool CacheReaddir;
    public bool NonSeekable;
    /// <summary>close(2) of this open file sends no FLUSH (FOPEN_NOFLUSH): for files whose close needs no work.</summary>
    public bool NoFlush;
}
