using System.Buffers.Binary;
using AmduatFs.Core;

namespace AmduatFs.Namespace;

/// <summary>Reads one tree entry at a time, checking every field into locals before building the entry.</summary>
internal ref struct TreeEntryReader(ReadOnlySpan<byte> bytes, int position)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    public int Position { get; private set; } = position;

    public TreeEntry Read(int index)
    {
        int nameLength = Take(TreeLayout.Length.NameLength, index, "name length")[0];
        if (nameLength == 0) throw Fail(index, null, "has an empty name");
        var name = Take(nameLength, index, "name").ToArray();
        string Display() => FileNames.ToDisplay(name);
        if (name.AsSpan().IndexOfAny((byte)'/', (byte)0) >= 0) throw Fail(index, Display(), "has a name containing '/' or NUL");
        if (name.AsSpan().SequenceEqual("."u8) || name.AsSpan().SequenceEqual(".."u8)) throw Fail(index, Display(), "is named '.' or '..'");

        var fixedRun = Take(TreeLayout.Length.Fixed, index, "fixed fields");
        byte kindByte = fixedRun[TreeLayout.Offset.Kind];
        if (kindByte is < (byte)EntryKind.File or > (byte)EntryKind.Symlink)
            throw Fail(index, Display(), $"has unknown kind {kindByte}");
        var kind = (EntryKind)kindByte;
        uint mode = BinaryPrimitives.ReadUInt32BigEndian(fixedRun[TreeLayout.Offset.Mode..]);
        if ((mode & ~TreeLayout.PermissionBits) != 0)
            throw Fail(index, Display(), $"has mode 0{Convert.ToString(mode, 8)} with bits beyond 07777");
        uint uid = BinaryPrimitives.ReadUInt32BigEndian(fixedRun[TreeLayout.Offset.Uid..]);
        uint gid = BinaryPrimitives.ReadUInt32BigEndian(fixedRun[TreeLayout.Offset.Gid..]);
        long mtime = BinaryPrimitives.ReadInt64BigEndian(fixedRun[TreeLayout.Offset.Mtime..]);
        ulong size = BinaryPrimitives.ReadUInt64BigEndian(fixedRun[TreeLayout.Offset.Size..]);
        if (kind == EntryKind.Directory && size != 0)
            throw Fail(index, Display(), $"is a directory with size {size}; directories have size 0");

        Reference? target = null;
        byte[]? linkTarget = null;
        if (kind == EntryKind.Symlink)
        {
            int targetLength = BinaryPrimitives.ReadUInt16BigEndian(Take(TreeLayout.Length.LinkTargetLength, index, "link target length"));
            if (targetLength is 0 or > TreeLayout.MaxLinkTargetLength)
                throw Fail(index, Display(), $"has a link target of {targetLength} bytes; 1..{TreeLayout.MaxLinkTargetLength} are allowed");
            if (size != (ulong)targetLength)
                throw Fail(index, Display(), $"is a symlink with size {size} but a {targetLength}-byte target");
            var targetBytes = Take(targetLength, index, "link target");
            if (targetBytes.IndexOf((byte)0) >= 0) throw Fail(index, Display(), "has a link target containing NUL");
            linkTarget = targetBytes.ToArray();
        }
        else
        {
            try
            {
                target = FramedReference.Read(_bytes[Position..], out int consumed);
                Position += consumed;
            }
            catch (FormatException e)
            {
                throw Fail(index, Display(), $"has a bad target reference: {e.Message}");
            }
        }

        int xattrCount = BinaryPrimitives.ReadUInt16BigEndian(Take(TreeLayout.Length.XattrCount, index, "xattr count"));
        var xattrs = xattrCount == 0 ? [] : new ExtendedAttribute[xattrCount];
        for (int x = 0; x < xattrCount; x++)
        {
            int xattrNameLength = Take(TreeLayout.Length.XattrNameLength, index, "xattr name length")[0];
            if (xattrNameLength == 0) throw Fail(index, Display(), $"has xattr {x} with an empty name");
            var xattrName = Take(xattrNameLength, index, "xattr name");
            if (xattrName.IndexOf((byte)0) >= 0) throw Fail(index, Display(), $"has xattr {x} whose name contains NUL");
            if (x > 0 && xattrName.SequenceCompareTo(xattrs[x - 1].Name) <= 0)
                throw Fail(index, Display(), $"has xattr '{FileNames.ToDisplay(xattrName)}' not sorted strictly after '{xattrs[x - 1].DisplayName}'");
            uint valueLength = BinaryPrimitives.ReadUInt32BigEndian(Take(TreeLayout.Length.XattrValueLength, index, "xattr value length"));
            if (valueLength > TreeLayout.MaxXattrValueLength)
                throw Fail(index, Display(), $"has xattr '{FileNames.ToDisplay(xattrName)}' of {valueLength} bytes; at most {TreeLayout.MaxXattrValueLength} are allowed");
            var value = Take((int)valueLength, index, "xattr value");
            xattrs[x] = new ExtendedAttribute(xattrName.ToArray(), value.ToArray());
        }

        return new TreeEntry(name, kind, mode, uid, gid, mtime, size, target, linkTarget, xattrs);
    }

    private ReadOnlySpan<byte> Take(int length, int index, string field)
    {
        if (_bytes.Length - Position < length)
            throw new FormatException($"tree entry {index} truncated in its {field}: needs {length} bytes, {_bytes.Length - Position} remain");
        var slice = _bytes.Slice(Position, length);
        Position += length;
        return slice;
    }

    private static FormatException Fail(int index, string? name, string problem) =>
        new(name is null ? $"tree entry {index} {problem}" : $"tree entry {index} '{name}' {problem}");
}
