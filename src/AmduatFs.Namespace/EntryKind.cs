namespace AmduatFs.Namespace;

/// <summary>What a tree entry names; the values are the <c>kind</c> byte of the tree encoding.</summary>
public enum EntryKind : byte
{
    File = 1,
    Directory = 2,
    Symlink = 3,
}
