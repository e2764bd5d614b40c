using System.Runtime.CompilerServices;

namespace AmduatFs.Namespace.Tests;

/// <summary>Checked-in expected bytes under testdata/; run with UPDATE_GOLDEN=1 to rewrite them.</summary>
internal static class Golden
{
    public static string Path(string name, [CallerFilePath] string caller = "") =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(caller)!, "testdata", name);

    /// <summary>Lowercase hex, 32 bytes a line, so diffs point at the changed field.</summary>
    public static string Hex(byte[] bytes) =>
        string.Concat(bytes.Chunk(32).Select(line => Convert.ToHexStringLower(line) + "\n"));
}
