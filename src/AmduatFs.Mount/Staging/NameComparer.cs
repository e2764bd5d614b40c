namespace AmduatFs.Mount.Staging;

/// <summary>Compares file names as raw bytes, the way the kernel does.</summary>
internal sealed class NameComparer : IEqualityComparer<byte[]>
{
    public static NameComparer Instance { get; } = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] name)
    {
        var hash = new HashCode();
        hash.AddBytes(name);
        return hash.ToHashCode();
    }
}
