using System.Text;

namespace AmduatFs.Store.Log;

/// <summary>
/// Snapshot and domain names in log payloads. They become single path components under the mount, so
/// they follow POSIX file-name rules: 1..255 bytes of UTF-8, no '/' or NUL, and not "." or "..".
/// </summary>
internal static class LogNames
{
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>What is wrong with the UTF-8 bytes of a name, or null when they are a valid name.</summary>
    public static string? Problem(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length is 0 or > LogFormat.Payload.MaxNameLength)
            return $"name is {utf8.Length} bytes; names are 1..{LogFormat.Payload.MaxNameLength} bytes";
        if (utf8.IndexOfAny((byte)'/', (byte)0) is int bad and >= 0)
            return $"name contains {(utf8[bad] == 0 ? "NUL" : "'/'")} at byte {bad}";
        if (utf8.SequenceEqual("."u8) || utf8.SequenceEqual(".."u8))
            return $"name is \"{Encoding.ASCII.GetString(utf8)}\", which is not a usable path component";
        return null;
    }
}
