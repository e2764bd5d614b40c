using System.Text;

namespace AmduatFs.Fuse.Native;

/// <summary>One line of /proc/self/mountinfo.</summary>
internal sealed record MountTableEntry(string MountPoint, string Device, string FsType, string Source)
{
    public bool IsFuse => FsType == "fuse" || FsType.StartsWith("fuse.", StringComparison.Ordinal);
}

/// <summary>
/// Reads /proc/self/mountinfo. Never stats a mount point, so it works on stale FUSE mounts
/// (whose stat fails with ENOTCONN).
/// </summary>
internal static class MountTable
{
    public static IEnumerable<MountTableEntry> Read()
    {
        foreach (string line in File.ReadLines("/proc/self/mountinfo"))
        {
            // id parent major:minor root mountpoint options [optional...] - fstype source superoptions
            string[] fields = line.Split(' ');
            int separator = Array.IndexOf(fields, "-", 6);
            if (fields.Length < 7 || separator < 0 || separator + 2 >= fields.Length) continue;
            yield return new MountTableEntry(Unescape(fields[4]), fields[2], fields[separator + 1], Unescape(fields[separator + 2]));
        }
    }

    /// <summary>The most recent FUSE mount at <paramref name="mountPoint"/> (an absolute, resolved path), if any.</summary>
    public static MountTableEntry? FindFuse(string mountPoint) =>
        Read().LastOrDefault(e => e.IsFuse && e.MountPoint == mountPoint);

    /// <summary>An absolute path with its parent's symlinks resolved, without touching the final component.</summary>
    public static string Canonical(string path)
    {
        string full = Path.GetFullPath(path);
        if (full.Length > 1) full = full.TrimEnd('/');
        string? parent = Path.GetDirectoryName(full);
        if (parent is null) return full;
        string resolvedParent = Libc.TryRealPath(parent) ?? parent;
        return Path.Join(resolvedParent, Path.GetFileName(full));
    }

    // mountinfo escapes space, tab, newline and backslash as \ooo octal.
    private static string Unescape(string field)
    {
        if (!field.Contains('\\')) return field;
        var bytes = new List<byte>(field.Length);
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
            {
                bytes.Add(Convert.ToByte(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                int length = char.IsSurrogatePair(field, i) ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(field.Substring(i, length)));
                i += length - 1;
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsOctal(string s, int start) =>
        start + 3 <= s.Length && s.AsSpan(start, 3).IndexOfAnyExceptInRange('0', '7') < 0;
}
