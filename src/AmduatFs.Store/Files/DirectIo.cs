using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AmduatFs.Store.Files;

/// <summary>
/// Switches an open file to Linux O_DIRECT and back. Large sequential block writes and file reads
/// skip the page cache this way; on the VMs we measured, filling the page cache cost more CPU than
/// hashing the same bytes. O_DIRECT needs buffers, offsets and lengths aligned to
/// <see cref="Alignment"/>; where the filesystem or platform refuses it, I/O simply stays buffered.
/// </summary>
internal static partial class DirectIo
{
    /// <summary>Covers the logical block size of every Linux block device we expect (512 or 4096 bytes).</summary>
    public const int Alignment = 4096;

    private const int GetFlags = 3;
    private const int SetFlags = 4;

    /// <summary>Tries to turn O_DIRECT on; false (and nothing changed) when it is unavailable.</summary>
    public static bool TryEnable(SafeFileHandle file)
    {
        int direct = DirectFlag();
        if (direct == 0) return false;
        int fd = (int)file.DangerousGetHandle();
        int flags = Fcntl(fd, GetFlags, 0);
        return flags >= 0 && Fcntl(fd, SetFlags, flags | direct) == 0;
    }

    /// <summary>Turns O_DIRECT off again, for unaligned I/O at the end of a file.</summary>
    /// <exception cref="IOException">fcntl failed.</exception>
    public static void Disable(SafeFileHandle file)
    {
        int fd = (int)file.DangerousGetHandle();
        int flags = Fcntl(fd, GetFlags, 0);
        if (flags < 0 || Fcntl(fd, SetFlags, flags & ~DirectFlag()) != 0)
            throw new IOException($"fcntl could not turn O_DIRECT off: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
    }

    public static int RoundUp(int length) => (length + Alignment - 1) / Alignment * Alignment;

    // O_DIRECT's value differs between architectures; only those we know are tried.
    private static int DirectFlag() => !OperatingSystem.IsLinux() ? 0 : RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x4000,
        Architecture.Arm64 or Architecture.Arm => 0x10000,
        _ => 0,
    };

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);
}
