using System.Text;
using AmduatFs.Core;

namespace AmduatFs.Namespace.Tests;

internal static class Samples
{
    public static byte[] Name(string text) => Encoding.UTF8.GetBytes(text);

    public static Reference Content(string text) => ArtifactEncoding.ComputeReference(Encoding.UTF8.GetBytes(text), null);

    public static TreeEntry File(string name, string content = "x", uint mode = 0x1A4, IReadOnlyList<ExtendedAttribute>? xattrs = null) =>
        TreeEntry.File(Name(name), Content(content), (ulong)Encoding.UTF8.GetByteCount(content), mode, 1000, 1000, 1_700_000_000_123_456_789, xattrs);

    public static TreeEntry Symlink(string name, string target) =>
        TreeEntry.Symlink(Name(name), Name(target), 0x1FF, 1000, 1000, 1_700_000_000_000_000_001);

    public static TreeEntry Directory(string name, Reference tree) =>
        TreeEntry.Directory(Name(name), tree, 0x1ED, 0, 0, -5);

    /// <summary>A small tree using every kind of entry and field: the golden test's subject.</summary>
    public static Tree Fixed()
    {
        var subtree = ArtifactEncoding.ComputeReference(TreeCodec.Encode(Tree.Create([File("inner", "in")])), AmduatConstants.TypeTagAmduatFsTree1);
        return Tree.Create(
        [
            File("hello.txt", "hello"),
            File("setuid-tool", "#!/bin/sh\n", 0x9ED, [ExtendedAttribute.Create("user.a", [1, 2]), ExtendedAttribute.Create("user.b", [])]),
            Symlink("link", "hello.txt"),
            Directory("sub", subtree),
            TreeEntry.File([0x66, 0xff, 0x0a, 0x20], Content(""), 0, 0x180, 4_000_000_000, 7, 0),
        ]);
    }
}
