using AmduatFs.Fuse.Native;

namespace AmduatFs.Fuse;

/// <summary>
/// The reply buffer of one readdir or readdirplus request (<c>fuse_add_direntry[_plus]</c>). Valid only during
/// <see cref="FuseFileSystem.ReadDir"/>.
/// </summary>
public unsafe ref struct FuseDirectoryWriter
{
    private readonly nint _request;
    private readonly byte* _buffer;
    private readonly int _capacity;

    internal FuseDirectoryWriter(nint request, byte* buffer, int capacity, bool isPlus)
    {
        _request = request;
        _buffer = buffer;
        _capacity = capacity;
        IsPlus = isPlus;
    }

    /// <summary>True for readdirplus: each entry carries full attributes and, with a NodeId, a lookup.</summary>
    public bool IsPlus { get; }

    internal int Used { get; private set; }

    /// <summary>
    /// Adds one entry; <paramref name="nextOffset"/> is the offset the kernel passes back to continue after it
    /// (never 0). Returns false when the buffer is full: the entry was NOT added; stop, and the kernel asks again
    /// from the last added entry's offset. Plain readdir uses only <c>entry.Attr.Ino</c> and the type bits of
    /// <c>entry.Attr.Mode</c>.
    /// In readdirplus, every added entry with <c>NodeId != 0</c> counts one lookup of that node (as a successful
    /// Lookup does), except the names "." and "..", which count none. Entries not added count nothing.
    /// </summary>
    public bool TryAdd(ReadOnlySpan<byte> name, in FuseEntry entry, long nextOffset)
    {
        Span<byte> nameZ = name.Length < 256 ? stackalloc byte[256] : new byte[name.Length + 1];
        name.CopyTo(nameZ);
        nameZ[name.Length] = 0;
        nuint remaining = (nuint)(_capacity - Used);
        nuint needed;
        fixed (byte* n = nameZ)
        fixed (FuseEntry* e = &entry)
        {
            needed = IsPlus
                ? LibFuse.fuse_add_direntry_plus(_request, _buffer + Used, remaining, n, e, nextOffset)
                : LibFuse.fuse_add_direntry(_request, _buffer + Used, remaining, n, &e->Attr, nextOffset);
        }
        if (needed > remaining) return false;
        Used += (int)needed;
        return true;
    }
}
