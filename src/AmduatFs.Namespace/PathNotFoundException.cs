namespace AmduatFs.Namespace;

/// <summary>A path names nothing in a tree. <see cref="Path"/> is the full path asked for.</summary>
public sealed class PathNotFoundException(string path, string missing)
    : IOException($"'{path}' does not exist: there is no '{missing}'")
{
    public string Path { get; } = path;
}
