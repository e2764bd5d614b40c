namespace AmduatFs.Namespace;

/// <summary>Field sizes, offsets and limits of the tree encoding (docs/format.md, "Tree artifacts").</summary>
internal static class TreeLayout
{
    public const byte Version = 1;
    public const int MaxNameLength = 255;
    public const int MaxLinkTargetLength = 4095;
    public const int MaxXattrNameLength = 255;
    public const int MaxXattrValueLength = 64 * 1024;
    public const int MaxXattrCount = ushort.MaxValue;
    public const uint PermissionBits = 0xFFF; // 07777

    internal static class Length
    {
        public const int Header = 1 + 4;
        public const int NameLength = 1;
        /// <summary>kind, mode, uid, gid, mtime_ns, size: the fixed run after the name.</summary>
        public const int Fixed = 1 + 4 + 4 + 4 + 8 + 8;
        public const int LinkTargetLength = 2;
        public const int XattrCount = 2;
        public const int XattrNameLength = 1;
        public const int XattrValueLength = 4;
        /// <summary>A one-byte name, a one-byte symlink target (the smallest payload) and no xattrs.</summary>
        public const int MinEntry = NameLength + 1 + Fixed + LinkTargetLength + 1 + XattrCount;
    }

    internal static class Offset
    {
        public const int Version = 0;
        public const int EntryCount = 1;

        // Within the fixed run that follows an entry's name.
        public const int Kind = 0;
        public const int Mode = 1;
        public const int Uid = 5;
        public const int Gid = 9;
        public const int Mtime = 13;
        public const int Size = 21;
    }
}
