using System.Text;

namespace AmduatFs.Mount;

/// <summary>Reads /proc/self/mountinfo: which store a mount point serves (its source is the store's directory).</summary>
public static class MountTable
{
    public const string FileSystemType = "fuse.amduatfs";

    /// <summary>The source of the AmduatFs mount at <paramref name="mountPoint"/>, or null when none is mounted there.</summary>
    public static string? SourceOf(string mountPoint)
    {
        string wanted = Path.GetFullPath(mountPoint).TrimEnd('/');
        if (wanted.Length == 0) wanted = "/";
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            var fields = line.Split(' ');
            int separator = Array.IndexOf(fields, "-");
            if (separator < 0 || separator + 2 >= fields.Length || fields.Length < 5) continue;
            if (Unescape(fields[4]) != wanted || fields[separator + 1] != FileSystemType) continue;
            return Unescape(fields[separator + 2]);
        }
        return null;
    }

    /// <summary>mountinfo writes space, tab, newline and backslash as three octal digits after a backslash.</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\')) return field;
        var bytes = new List<byte>();
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
            {
                bytes.Add((byte)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(field[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsOctal(string s, int start) =>
        start + 3 <= s.Length && s.Substring(start, 3).All(c => c is >= '0' and <= '7');
}
