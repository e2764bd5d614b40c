using Microsoft.Win32.SafeHandles;

namespace AmduatFs.Store.Files;

internal static class PositionalRead
{
    /// <summary>Reads until <paramref name="destination"/> is full or the file ends; returns the bytes read.</summary>
    public static int ReadAt(SafeFileHandle file, Span<byte> destination, long offset)
    {
        int total = 0;
        while (total < destination.Length)
        {
            int read = RandomAccess.Read(file, destination[total..], offset + total);
            if (read == 0) break;
            total += read;
        }
        return total;
    }
}
