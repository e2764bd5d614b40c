using Mono.Unix.Native;

namespace AmduatFs.Namespace.Posix;

/// <summary>Turns a failed libc call into an <see cref="IOException"/> that names the call, the path and strerror.</summary>
internal static class PosixError
{
    public static Errno Last() => Stdlib.GetLastError();

    public static IOException Exception(string operation, string nativePath, Errno errno) =>
        new($"{operation} '{PosixNames.Display(nativePath)}' failed: {Stdlib.strerror(errno)} ({errno})");

    public static IOException Exception(string operation, string nativePath) => Exception(operation, nativePath, Last());

    public static void ThrowIfFailed(long result, string operation, string nativePath)
    {
        if (result < 0) throw Exception(operation, nativePath);
    }
}
