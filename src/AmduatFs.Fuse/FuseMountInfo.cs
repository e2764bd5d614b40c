namespace AmduatFs.Fuse;

/// <summary>A FUSE mount as /proc/self/mountinfo lists it: where, its type (<c>fuse.&lt;subtype&gt;</c>) and its source (fsname).</summary>
public sealed record FuseMountInfo(string MountPoint, string FileSystemType, string Source);
