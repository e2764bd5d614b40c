using AmduatFs.Core;

namespace AmduatFs.Mount.Tests;

/// <summary>Ordinary tools copy into staging, seal a snapshot with mkdir, and read both back unchanged.</summary>
public sealed class StagingAndSnapshotTests
{
    [FuseFact]
    public void Copy_into_staging_then_mkdir_snapshot_keeps_contents_and_metadata()
    {
        using var mount = new MountedStore();
        string source = mount.Scratch("source");
        SampleTree.Create(source);

        Shell.Run("cp", "-a", source, Path.Combine(mount.Staging, "src")).Ok("cp -a");
        SampleTree.AssertSame(source, Path.Combine(mount.Staging, "src"));

        Directory.CreateDirectory(Path.Combine(mount.Snapshots, "s1"));
        SampleTree.AssertSame(source, Path.Combine(mount.Snapshots, "s1", "src"));
        Assert.Equal("s1", new FileInfo(Path.Combine(mount.Snapshots, "latest")).LinkTarget);
        Assert.Contains("f039", Shell.Run("ls", "-lR", mount.Snapshots + "/").Ok("ls -lR").Stdout);

        Directory.CreateDirectory(Path.Combine(mount.Snapshots, "s2"));
        Assert.Equal("s2", new FileInfo(Path.Combine(mount.Snapshots, "latest")).LinkTarget);
        Assert.Equal(["latest", "s1", "s2"], Directory.EnumerateFileSystemEntries(mount.Snapshots).Select(p => Path.GetFileName(p)!).Order().ToArray());
        Assert.Equal(0, mount.Cli("snapshot", "list").Ok("snapshot list while mounted").ExitCode);
    }

    [FuseFact]
    public void Snapshots_refuse_every_change_with_EROFS()
    {
        using var mount = new MountedStore();
        File.WriteAllText(Path.Combine(mount.Staging, "f"), "x");
        Directory.CreateDirectory(Path.Combine(mount.Staging, "d"));
        Directory.CreateDirectory(Path.Combine(mount.Snapshots, "s"));
        string s = Path.Combine(mount.Snapshots, "s");
        foreach (var script in new[]
        {
            $"echo y > '{s}/f'", $"touch '{s}/new'", $"rm '{s}/f'", $"mkdir '{s}/d2'", $"chmod 600 '{s}/f'",
            $"mv '{s}/f' '{s}/g'", $"setfattr -n user.x -v 1 '{s}/f'", $"ln -s f '{s}/l'", $"truncate -s 0 '{s}/f'",
        })
        {
            var result = Shell.Run("bash", "-c", script);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("Read-only file system", result.Stderr);
        }
        Assert.Equal("x", File.ReadAllText(Path.Combine(s, "f")));
    }

    [FuseFact]
    public void Ref_xattr_names_the_content_as_soon_as_the_file_is_closed()
    {
        using var mount = new MountedStore();
        string path = Path.Combine(mount.Staging, "hello");
        File.WriteAllText(path, "hello");
        string reference = Shell.Run("getfattr", "--only-values", "-n", "user.amduat.ref", path).Ok("getfattr").Stdout;
        Assert.Equal("00011f1d4ea728bc4c10bbc8211c7644aa950b6296c9b3e70d263e4ae6fc83e895e4", reference);
        Assert.Equal("local", Shell.Run("getfattr", "--only-values", "-n", "user.amduat.domain", path).Ok("getfattr").Stdout);
        Assert.DoesNotContain("amduat", Shell.Run("getfattr", "-d", "-m", "-", path).Stdout);
        Assert.NotEqual(0, Shell.Run("setfattr", "-n", "user.amduat.ref", "-v", "forged", path).ExitCode);
    }

    [FuseFact]
    public void By_id_and_trace_resolve_refs_but_are_not_listed()
    {
        using var mount = new MountedStore();
        string content = "by id content\n";
        File.WriteAllText(Path.Combine(mount.Staging, "doc.txt"), content);
        Directory.CreateDirectory(Path.Combine(mount.Snapshots, "first"));
        string fileRef = ArtifactEncoding.ComputeReference(System.Text.Encoding.UTF8.GetBytes(content), null).ToString();
        string domain = Path.Combine(mount.MountPoint, "local");

        Assert.Equal(["snapshots", "staging"], Directory.EnumerateFileSystemEntries(domain).Select(p => Path.GetFileName(p)!).Order().ToArray());
        Assert.Equal(content, File.ReadAllText(Path.Combine(domain, ".by-id", fileRef)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(domain, ".by-id")));
        Assert.False(File.Exists(Path.Combine(domain, ".by-id", "0001" + new string('0', 64))));
        Assert.False(File.Exists(Path.Combine(domain, ".by-id", "not-a-ref")));

        string rootRef = Shell.Run("getfattr", "--only-values", "-n", "user.amduat.ref", Path.Combine(mount.Snapshots, "first")).Ok("getfattr").Stdout;
        Assert.Equal(["doc.txt"], Directory.EnumerateFileSystemEntries(Path.Combine(domain, ".by-id", rootRef)).Select(p => Path.GetFileName(p)!).ToArray());

        string trace = File.ReadAllText(Path.Combine(domain, ".trace", fileRef, "ingest"));
        Assert.Contains($"artifact {fileRef}", trace);
        Assert.Contains("snapshot first", trace);
        Assert.Contains("path /doc.txt", trace);
        Assert.False(Directory.Exists(Path.Combine(domain, ".trace", "0001" + new string('0', 64))));
    }

    [FuseFact]
    public void Cli_reads_while_mounted_and_refuses_writes_clearly()
    {
        using var mount = new MountedStore();
        File.WriteAllText(Path.Combine(mount.Staging, "f"), "data");
        Directory.CreateDirectory(Path.Combine(mount.Snapshots, "s"));
        Assert.Equal("data", mount.Cli("cat", "s/f").Ok("cat while mounted").Stdout);
        var refused = mount.Cli("snapshot", "create", "other");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("mounted", refused.Stderr);
    }
}
