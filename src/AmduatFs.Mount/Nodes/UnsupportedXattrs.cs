namespace AmduatFs.Mount.Nodes;

/// <summary>
/// Attribute names the mount answers with EOPNOTSUPP on every node, as a filesystem without that support
/// does. POSIX ACLs and the other <c>system.*</c> names are never stored. <c>security.selinux</c> is stored
/// by imports (and restored by the CLI), but a FUSE mount's SELinux label comes from the host's policy, not
/// from the filesystem. The answer matters for speed: `ls -l` asks for both names on every file, and takes
/// EOPNOTSUPP (unlike ENODATA) as "this device has none", so it stops asking after the first file.
/// </summary>
internal static class UnsupportedXattrs
{
    private static readonly byte[] SystemNamespace = "system."u8.ToArray();
    private static readonly byte[] SelinuxLabel = "security.selinux"u8.ToArray();

    public static bool Contains(ReadOnlySpan<byte> name) => name.StartsWith(SystemNamespace) || name.SequenceEqual(SelinuxLabel);
}
