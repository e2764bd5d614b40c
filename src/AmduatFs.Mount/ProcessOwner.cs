using System.Runtime.InteropServices;

namespace AmduatFs.Mount;

/// <summary>
/// The user and group the daemon runs as: the owner of what exists only in the mount (the root, domain and
/// snapshots directories, `.by-id` files, the staging root), so an unprivileged user's mount is theirs to write.
/// </summary>
internal static partial class ProcessOwner
{
    public static uint Uid { get; } = geteuid();
    public static uint Gid { get; } = getegid();

    [LibraryImport("libc")]
    private static partial uint geteuid();

    [LibraryImport("libc")]
    private static partial uint getegid();
}
