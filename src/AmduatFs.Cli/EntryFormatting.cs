using AmduatFs.Namespace;

namespace AmduatFs.Cli;

internal static class EntryText
{
    /// <summary>One `ls -l`-like line: type+mode, uid, gid, size, mtime (ns), name, and the target or reference.</summary>
    public static string Long(TreeEntry e)
    {
        char type = e.Kind switch { EntryKind.Directory => 'd', EntryKind.Symlink => 'l', _ => '-' };
        string mode = Convert.ToString(e.Mode & 0xFFF, 8).PadLeft(4, '0');
        var mtime = DateTimeOffset.UnixEpoch.AddTicks(e.MtimeNanoseconds / 100);
        string tail = e.Kind == EntryKind.Symlink ? $" -> {FileNames.ToDisplay(e.LinkTarget)}" : e.Target is null ? "" : $"  {e.Target}";
        return $"{type}{mode} {e.Uid,5} {e.Gid,5} {e.Size,12} {mtime:yyyy-MM-dd HH:mm:ss}.{e.MtimeNanoseconds % 1_000_000_000:D9} {e.DisplayName}{tail}";
    }
}

internal static class EntryJson
{
    public static object From(TreeEntry e) => new
    {
        name = e.DisplayName,
        kind = e.Kind.ToString().ToLowerInvariant(),
        mode = Convert.ToString(e.Mode & 0xFFF, 8),
        uid = e.Uid,
        gid = e.Gid,
        size = e.Size,
        mtimeNs = e.MtimeNanoseconds,
        reference = e.Target?.ToString(),
        linkTarget = e.Kind == EntryKind.Symlink ? FileNames.ToDisplay(e.LinkTarget) : null,
        xattrs = e.Xattrs.Count,
    };
}
