namespace AmduatFs.Mount.Tests;

/// <summary>Archivers and concurrent use through the mount.</summary>
public sealed class ToolTests
{
    [FuseFact]
    public void Tar_of_a_snapshot_equals_tar_of_the_source()
    {
        using var mount = new MountedStore();
        string source = mount.Scratch("src");
        SampleTree.Create(source);
        Shell.Run("cp", "-a", source, mount.Staging).Ok("cp -a");
        Directory.CreateDirectory(Path.Combine(mount.Snapshots, "t"));
        string Tar(string parent) => Shell.Bash($"tar -C '{parent}' --sort=name --format=gnu --numeric-owner -cf - src | sha256sum");
        Assert.Equal(Tar(mount.Root), Tar(Path.Combine(mount.Snapshots, "t")));
    }

    [FuseFact]
    public void Parallel_readers_see_whole_files_while_a_writer_copies()
    {
        using var mount = new MountedStore();
        string source = mount.Scratch("source");
        SampleTree.Create(source, seed: 2);
        Shell.Run("cp", "-a", source, Path.Combine(mount.Staging, "base")).Ok("cp -a");
        Directory.CreateDirectory(Path.Combine(mount.Snapshots, "r"));
        string expected = Shell.Bash($"cd '{source}' && find . -type f -print0 | sort -z | xargs -0 sha256sum");
        var writer = Task.Run(() =>
        {
            for (int i = 0; i < 3; i++) Shell.Run("cp", "-a", source, Path.Combine(mount.Staging, $"copy{i}")).Ok("cp -a");
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 3; i++)
                Assert.Equal(expected, Shell.Bash($"cd '{mount.Snapshots}/r/base' && find . -type f -print0 | sort -z | xargs -0 sha256sum"));
        })).ToArray();
        Task.WaitAll([writer, .. readers]);
        for (int i = 0; i < 3; i++)
            Assert.Equal(expected, Shell.Bash($"cd '{mount.Staging}/copy{i}' && find . -type f -print0 | sort -z | xargs -0 sha256sum"));
    }
}
