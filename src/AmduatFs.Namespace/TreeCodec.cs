using System.Buffers.Binary;
using AmduatFs.Core;

namespace AmduatFs.Namespace;

/// <summary>
/// The canonical encoding of a <see cref="Tree"/> (docs/format.md, "Tree artifacts"), stored as an
/// artifact with type tag <see cref="AmduatConstants.TypeTagAmduatFsTree1"/>. Big-endian throughout.
/// </summary>
public static class TreeCodec
{
    /// <summary>Encodes and then decodes the result, refusing to return bytes that do not read back as <paramref name="tree"/>.</summary>
    /// <exception cref="ArgumentException">an entry breaks a rule of the format (bad name, missing target, oversized field...).</exception>
    public static byte[] Encode(Tree tree)
    {
        var entries = tree.Entries;
        int length = TreeLayout.Length.Header;
        foreach (var entry in entries) length += EncodedLength(entry);

        var bytes = new byte[length];
        bytes[TreeLayout.Offset.Version] = TreeLayout.Version;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(TreeLayout.Offset.EntryCount), (uint)entries.Count);
        int position = TreeLayout.Length.Header;
        foreach (var entry in entries) position += WriteEntry(bytes.AsSpan(position), entry);

        Tree decoded;
        try
        {
            decoded = Decode(bytes);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"tree cannot be encoded: {e.Message}", nameof(tree), e);
        }
        if (!decoded.Equals(tree))
            throw new InvalidOperationException("tree encoding did not read back as the tree it was made from; refusing to store it");
        return bytes;
    }

    /// <exception cref="FormatException">the bytes are not a canonical tree encoding; the message names the entry and the rule.</exception>
    public static Tree Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < TreeLayout.Length.Header)
            throw new FormatException($"tree header truncated: {bytes.Length} of {TreeLayout.Length.Header} bytes");
        byte version = bytes[TreeLayout.Offset.Version];
        if (version != TreeLayout.Version)
            throw new FormatException($"tree version is {version}; only {TreeLayout.Version} is defined");
        uint count = BinaryPrimitives.ReadUInt32BigEndian(bytes[TreeLayout.Offset.EntryCount..]);
        int available = bytes.Length - TreeLayout.Length.Header;
        if (count > (uint)(available / TreeLayout.Length.MinEntry))
            throw new FormatException($"tree declares {count} entries but only {available} bytes follow the header");

        var entries = new TreeEntry[count];
        var reader = new TreeEntryReader(bytes, TreeLayout.Length.Header);
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = reader.Read(i);
            if (i > 0 && entries[i].Name.AsSpan().SequenceCompareTo(entries[i - 1].Name) <= 0)
                throw new FormatException($"tree entry {i} '{entries[i].DisplayName}' does not sort strictly after '{entries[i - 1].DisplayName}'");
        }
        if (reader.Position != bytes.Length)
            throw new FormatException($"tree has {bytes.Length - reader.Position} trailing bytes after its {count} entries");
        return Tree.FromSorted(entries);
    }

    private static int EncodedLength(TreeEntry entry)
    {
        int payload = entry.Kind == EntryKind.Symlink
            ? TreeLayout.Length.LinkTargetLength + (entry.LinkTarget?.Length ?? 0)
            : entry.Target is null ? 0 : FramedReference.SizeOf(entry.Target);
        int xattrs = TreeLayout.Length.XattrCount;
        foreach (var xattr in entry.Xattrs)
            xattrs += TreeLayout.Length.XattrNameLength + xattr.Name.Length + TreeLayout.Length.XattrValueLength + xattr.Value.Length;
        return TreeLayout.Length.NameLength + entry.Name.Length + TreeLayout.Length.Fixed + payload + xattrs;
    }

    // Only checks what would otherwise be silently truncated into a field; the round trip in
    // Encode checks every other rule through the decoder, so the rules live in one place.
    private static int WriteEntry(Span<byte> destination, TreeEntry entry)
    {
        string name = entry.DisplayName;
        if (entry.Name.Length > TreeLayout.MaxNameLength)
            throw new ArgumentException($"entry name '{name}' is {entry.Name.Length} bytes; at most {TreeLayout.MaxNameLength} fit");
        if (entry.Xattrs.Count > TreeLayout.MaxXattrCount)
            throw new ArgumentException($"entry '{name}' has {entry.Xattrs.Count} xattrs; at most {TreeLayout.MaxXattrCount} fit");

        int position = 0;
        destination[position++] = (byte)entry.Name.Length;
        entry.Name.CopyTo(destination[position..]);
        position += entry.Name.Length;

        var fixedRun = destination.Slice(position, TreeLayout.Length.Fixed);
        fixedRun[TreeLayout.Offset.Kind] = (byte)entry.Kind;
        BinaryPrimitives.WriteUInt32BigEndian(fixedRun[TreeLayout.Offset.Mode..], entry.Mode);
        BinaryPrimitives.WriteUInt32BigEndian(fixedRun[TreeLayout.Offset.Uid..], entry.Uid);
        BinaryPrimitives.WriteUInt32BigEndian(fixedRun[TreeLayout.Offset.Gid..], entry.Gid);
        BinaryPrimitives.WriteInt64BigEndian(fixedRun[TreeLayout.Offset.Mtime..], entry.MtimeNanoseconds);
        BinaryPrimitives.WriteUInt64BigEndian(fixedRun[TreeLayout.Offset.Size..], entry.Size);
        position += TreeLayout.Length.Fixed;

        if (entry.Kind == EntryKind.Symlink)
        {
            var target = entry.LinkTarget ?? throw new ArgumentException($"symlink entry '{name}' has no link target");
            if (entry.Target is not null) throw new ArgumentException($"symlink entry '{name}' must not carry a target reference");
            if (target.Length > TreeLayout.MaxLinkTargetLength)
                throw new ArgumentException($"symlink entry '{name}' has a {target.Length}-byte target; at most {TreeLayout.MaxLinkTargetLength} are allowed");
            BinaryPrimitives.WriteUInt16BigEndian(destination[position..], (ushort)target.Length);
            position += TreeLayout.Length.LinkTargetLength;
            target.CopyTo(destination[position..]);
            position += target.Length;
        }
        else
        {
            var reference = entry.Target ?? throw new ArgumentException($"{entry.Kind} entry '{name}' has no target reference");
            if (entry.LinkTarget is not null) throw new ArgumentException($"{entry.Kind} entry '{name}' must not carry a link target");
            position += FramedReference.Write(destination[position..], reference);
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination[position..], (ushort)entry.Xattrs.Count);
        position += TreeLayout.Length.XattrCount;
        foreach (var xattr in entry.Xattrs)
        {
            if (xattr.Name.Length > TreeLayout.MaxXattrNameLength)
                throw new ArgumentException($"entry '{name}' has an xattr name of {xattr.Name.Length} bytes; at most {TreeLayout.MaxXattrNameLength} fit");
            destination[position++] = (byte)xattr.Name.Length;
            xattr.Name.CopyTo(destination[position..]);
            position += xattr.Name.Length;
            BinaryPrimitives.WriteUInt32BigEndian(destination[position..], (uint)xattr.Value.Length);
            position += TreeLayout.Length.XattrValueLength;
            xattr.Value.CopyTo(destination[position..]);
            position += xattr.Value.Length;
        }
        return position;
    }
}
