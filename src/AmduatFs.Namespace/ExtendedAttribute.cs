namespace AmduatFs.Namespace;

/// <summary>One extended attribute: raw name bytes (e.g. <c>user.comment</c>) and value bytes. Compared by content.</summary>
public sealed record ExtendedAttribute(byte[] Name, byte[] Value)
{
    public string DisplayName => FileNames.ToDisplay(Name);

    public static ExtendedAttribute Create(string name, ReadOnlySpan<byte> value) => new(FileNames.FromDisplay(name), value.ToArray());

    public bool Equals(ExtendedAttribute? other) =>
        other is not null && Name.AsSpan().SequenceEqual(other.Name) && Value.AsSpan().SequenceEqual(other.Value);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Name);
        hash.AddBytes(Value);
        return hash.ToHashCode();
    }

    public override string ToString() => $"{DisplayName}={Convert.ToHexStringLower(Value)}";
}
