using Microsoft.Win32.SafeHandles;

namespace AmduatFs.Mount.Staging;

/// <summary>A private file holding a staging file's bytes while it is written and until its seal is committed.</summary>
internal sealed class ScratchFile(string path, SafeFileHandle handle)
{
    public SafeFileHandle Handle { get; } = handle;

    public void Delete()
    {
        Handle.Dispose();
        File.Delete(path);
    }
}

/// <summary>The directory of scratch files; anything left in it by an earlier daemon is unreferenced and removed.</summary>
internal sealed class ScratchFiles
{
    private readonly string _directory;
    private long _next;

    public ScratchFiles(string directory)
    {
        _directory = directory;
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
    }

    public ScratchFile Create()
    {
        string path = Path.Combine(_directory, Interlocked.Increment(ref _next).ToString("x16") + ".scratch");
        return new ScratchFile(path, File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None));
    }
}
