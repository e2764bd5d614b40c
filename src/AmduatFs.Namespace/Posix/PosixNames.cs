using Mono.Unix;

namespace AmduatFs.Namespace.Posix;

/// <summary>
/// Paths as Mono.Posix wants them. Mono.Posix marshals path and xattr-name strings with its
/// <see cref="UnixEncoding"/>, which carries bytes that are not UTF-8 as U+0000 followed by the
/// byte, so raw name bytes survive a round trip through its string parameters.
/// </summary>
internal static class PosixNames
{
    public static string ToNative(ReadOnlySpan<byte> name) => UnixEncoding.Instance.GetString(name);

    public static byte[] FromNative(string nativeName) => UnixEncoding.Instance.GetBytes(nativeName);

    public static string Child(string directory, string nativeName) =>
        directory.EndsWith('/') ? directory + nativeName : directory + "/" + nativeName;

    /// <summary>A native path for messages: escaped bytes shown the way <see cref="FileNames"/> shows them.</summary>
    public static string Display(string nativePath) => FileNames.ToDisplay(FromNative(nativePath));
}
