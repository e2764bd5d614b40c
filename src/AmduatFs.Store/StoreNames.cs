using System.Text;

namespace AmduatFs.Store;

/// <summary>The rule for names the log stores (snapshots, domains): 1..255 UTF-8 bytes, no '/', no NUL, not "." or "..".</summary>
public static class StoreNames
{
    /// <exception cref="ArgumentException">naming the rule the name breaks.</exception>
    public static void Validate(string name, string what)
    {
        int bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes is < 1 or > 255) throw new ArgumentException($"{what} '{name}' must be 1 to 255 bytes of UTF-8, not {bytes}");
        if (name.Contains('/') || name.Contains('\0')) throw new ArgumentException($"{what} '{name}' must not contain '/' or NUL");
        if (name is "." or "..") throw new ArgumentException($"{what} must not be '.' or '..'");
        if (name.Any(char.IsControl)) throw new ArgumentException($"{what} '{name.ReplaceLineEndings(" ")}' must not contain control characters");
    }
}
