namespace AmduatFs.Mount.Tests;

/// <summary>
/// POSIX ACLs and SELinux labels are unsupported through the mount (EOPNOTSUPP), which lets `ls -l` stop asking for
/// them after the first file; a label an import stored is kept by the store and restored by the CLI.
/// </summary>
public sealed class XattrNamespaceTests
{
    [FuseFact]
    public void Acls_and_selinux_labels_are_unsupported_and_ls_asks_only_once()
    {
        using var mount = new MountedStore();
        mount.Unmount();
        string source = mount.Scratch("labelled");
        Directory.CreateDirectory(source);
        for (int i = 0; i < 50; i++) File.WriteAllText(Path.Combine(source, $"f{i:D2}"), $"file {i}");
        string labelled = Path.Combine(source, "f00");
        Shell.Run("setfattr", "-n", "security.selinux", "-v", "system_u:object_r:etc_t:s0", labelled).Ok("setfattr security.selinux on the source");
        Shell.Run("setfattr", "-n", "user.kept", "-v", "yes", labelled).Ok("setfattr user.kept");
        mount.Cli("import", source).Ok("import");
        mount.Cli("snapshot", "create", "s").Ok("snapshot create");
        mount.Mount();

        string snapshotFile = Path.Combine(mount.Snapshots, "s", "labelled", "f00");
        string stagingFile = Path.Combine(mount.Staging, "new");
        File.WriteAllText(stagingFile, "x");
        foreach (string file in new[] { snapshotFile, stagingFile })
        {
            foreach (string name in new[] { "system.posix_acl_access", "security.selinux" })
            {
                var get = Shell.Run("getfattr", "-n", name, file);
                Assert.NotEqual(0, get.ExitCode);
                Assert.Contains("Operation not supported", get.Stderr);
            }
        }
        string listed = Shell.Run("getfattr", "-d", "-m", "-", snapshotFile).Ok("getfattr -d").Stdout;
        Assert.Contains("user.kept=\"yes\"", listed);
        Assert.DoesNotContain("selinux", listed);
        Assert.Contains("Operation not supported", Shell.Run("setfattr", "-n", "security.selinux", "-v", "x", stagingFile).Stderr);
        Assert.Contains("Operation not supported", Shell.Run("setfacl", "-m", "u:1234:r", stagingFile).Stderr);
        Shell.Run("setfattr", "-n", "security.other", "-v", "1", stagingFile).Ok("other security.* names are kept");

        // Each file would cost two xattr probes (two round trips) if the answer were ENODATA.
        var trace = Shell.Run("strace", "-f", "-c", "-e", "trace=getxattr,lgetxattr", "ls", "-lR", mount.Snapshots + "/s/").Ok("strace ls -lR");
        int probes = trace.Stderr.Split('\n').Where(l => l.Contains("getxattr")).Sum(l => int.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]));
        Assert.InRange(probes, 1, 8);

        mount.Unmount();
        string restored = mount.Scratch("restored");
        mount.Cli("restore", "s/labelled", restored).Ok("restore");
        Assert.Equal("system_u:object_r:etc_t:s0",
            Shell.Run("getfattr", "--only-values", "-n", "security.selinux", Path.Combine(restored, "f00")).Ok("label restored").Stdout.TrimEnd('\0'));
        mount.Mount();
    }
}
