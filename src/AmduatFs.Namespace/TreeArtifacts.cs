using AmduatFs.Core;
using AmduatFs.Store;

namespace AmduatFs.Namespace;

/// <summary>Trees as stored artifacts: encoded with <see cref="TreeCodec"/> under type tag <see cref="AmduatConstants.TypeTagAmduatFsTree1"/>.</summary>
public static class TreeArtifacts
{
    public const uint TypeTag = AmduatConstants.TypeTagAmduatFsTree1;

    public static byte[] EmptyTreeBytes { get; } = TreeCodec.Encode(Tree.Empty);

    /// <summary>The reference of the empty tree, whether or not any store holds it yet.</summary>
    public static Reference EmptyTree { get; } = ArtifactEncoding.ComputeReference(EmptyTreeBytes, TypeTag);

    public static Reference Store(IArtifactSink sink, Tree tree) => sink.Put(TreeCodec.Encode(tree), TypeTag);

    /// <exception cref="ArtifactNotFoundException">the tree is not visible.</exception>
    /// <exception cref="CorruptDataException">the artifact is not a tree, or its bytes are not a canonical tree encoding.</exception>
    public static Tree Load(IArtifactSource source, Reference tree)
    {
        var artifact = source.ReadArtifact(tree);
        if (artifact.TypeTag != TypeTag)
        {
            string tag = artifact.TypeTag is uint t ? $"0x{t:x8}" : "none";
            throw new CorruptDataException("tree artifact", tree.ToString(), $"type tag is {tag}, not 0x{TypeTag:x8}", tree);
        }
        try
        {
            return TreeCodec.Decode(artifact.Bytes.Span);
        }
        catch (FormatException e)
        {
            throw new CorruptDataException("tree artifact", tree.ToString(), e.Message, tree);
        }
    }
}
