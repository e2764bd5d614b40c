namespace AmduatFs.Namespace;

/// <summary>A path runs through an entry that is not a directory. <see cref="Path"/> is that entry's path.</summary>
public sealed class NotADirectoryException(string path, EntryKind kind)
    : IOException($"'{path}' is not a directory (it is a {kind.ToString().ToLowerInvariant()})")
{
    public string Path { get; } = path;
}
