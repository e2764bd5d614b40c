namespace AmduatFs.Fuse.Tests;

public sealed class SessionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [FuseFact]
    public void RequestStop_ends_Run_unmounts_and_calls_Destroy()
    {
        using var mount = new TestMount();
        File.WriteAllText(mount.PathOf("f"), "x");
        Assert.True(FuseMounts.IsMounted(mount.Directory));

        Assert.True(mount.Stop(Patience));

        Assert.False(FuseMounts.IsMounted(mount.Directory));
        Assert.Equal(1, mount.Fs.DestroyCalls);
        Assert.False(File.Exists(mount.PathOf("f")));
        Assert.Equal(Errno.ENOTCONN, mount.Session.NotifyInvalidateInode(MemoryFileSystem.RootId, 0, 0));
    }

    [FuseFact]
    public void Disposing_a_session_that_never_ran_unmounts_it()
    {
        string dir = Directory.CreateTempSubdirectory("amduatfs-fuse-test-").FullName;
        try
        {
            var fs = new MemoryFileSystem();
            using (FuseSession.Mount(fs, dir, new FuseMountOptions(), new ListLogger()))
                Assert.True(FuseMounts.IsMounted(dir));
            Assert.False(FuseMounts.IsMounted(dir));
            Assert.Equal(0, fs.DestroyCalls); // INIT never happened, so neither does destroy
        }
        finally
        {
            FuseMounts.Unmount(dir);
            Directory.Delete(dir);
        }
    }

    [FuseFact]
    public void One_thread_without_polling_serves_requests()
    {
        using var mount = new TestMount(new FuseMountOptions { Threads = 1, PollMicroseconds = 0 });
        File.WriteAllText(mount.PathOf("f"), "single");
        Assert.Equal("single", File.ReadAllText(mount.PathOf("f")));
        Assert.True(mount.Stop(Patience));
    }

    [FuseFact]
    public void Read_only_mount_refuses_writes()
    {
        var fs = new MemoryFileSystem();
        fs.AddFile("f", "data"u8.ToArray());
        using var mount = new TestMount(new FuseMountOptions { ReadOnly = true }, fs);
        Assert.Equal("data", File.ReadAllText(mount.PathOf("f")));
        var error = Assert.ThrowsAny<IOException>(() => File.WriteAllText(mount.PathOf("g"), "x"));
        Assert.Contains("read-only", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [FuseFact]
    public void ReadAheadKb_survives_the_INIT_negotiation()
    {
        using var mount = new TestMount(new FuseMountOptions { ReadAheadKb = 1024 });
        Assert.Equal(0, Posix.Stat(mount.Directory, out _)); // INIT has been answered and applied by now
        Assert.Equal("1024", File.ReadAllText($"/sys/class/bdi/{mount.Session.Device}/read_ahead_kb").Trim());
    }

    [FuseFact]
    public void Mount_errors_name_the_problem()
    {
        var logger = new ListLogger();
        string missing = Path.Join(Path.GetTempPath(), "amduatfs-no-such-dir-" + Guid.NewGuid());
        Assert.Contains("does not exist", Assert.Throws<FuseException>(
            () => FuseSession.Mount(new MemoryFileSystem(), missing, new FuseMountOptions(), logger)).Message);

        string file = Path.GetTempFileName();
        try
        {
            Assert.Contains("not a directory", Assert.Throws<FuseException>(
                () => FuseSession.Mount(new MemoryFileSystem(), file, new FuseMountOptions(), logger)).Message);
        }
        finally { File.Delete(file); }

        using var mount = new TestMount();
        Assert.Contains("already has a FUSE filesystem mounted", Assert.Throws<FuseException>(
            () => FuseSession.Mount(new MemoryFileSystem(), mount.Directory, new FuseMountOptions(), logger)).Message);

        string other = Directory.CreateTempSubdirectory("amduatfs-fuse-test-").FullName;
        try
        {
            Assert.Contains("already mounted", Assert.Throws<FuseException>(
                () => FuseSession.Mount(mount.Fs, other, new FuseMountOptions(), logger)).Message);
            Assert.Contains("rejected the mount options", Assert.Throws<FuseException>(
                () => FuseSession.Mount(new MemoryFileSystem(), other, new FuseMountOptions { ExtraOptions = { "no_such_option" } }, logger)).Message);
            Assert.False(FuseMounts.IsMounted(other));
        }
        finally { Directory.Delete(other); }
    }

    [FuseFact]
    public void NotifyInvalidateEntry_drops_a_cached_negative_entry()
    {
        var fs = new MemoryFileSystem(timeout: 3600);
        using var mount = new TestMount(fs: fs);
        Assert.Equal(Errno.ENOENT, Posix.Stat(mount.PathOf("late"), out _));
        fs.AddFile("late", "arrived"u8.ToArray());
        Assert.Equal(Errno.ENOENT, Posix.Stat(mount.PathOf("late"), out _)); // the kernel still trusts its negative entry

        Assert.Equal(0, mount.Session.NotifyInvalidateEntry(MemoryFileSystem.RootId, "late"u8));

        Assert.Equal("arrived", File.ReadAllText(mount.PathOf("late")));
        Assert.Equal(Errno.ENOENT, mount.Session.NotifyInvalidateEntry(MemoryFileSystem.RootId, "never-seen"u8));
    }

    [FuseFact]
    public void NotifyStore_at_open_fills_the_page_cache_so_reads_need_no_request()
    {
        var fs = new MemoryFileSystem(timeout: 3600) { PushAtOpen = _ => "pushed by a notify_store"u8.ToArray() };
        fs.AddFile("f", "served by a read request"u8.ToArray());
        using var mount = new TestMount(fs: fs);

        Assert.Equal("pushed by a notify_store", File.ReadAllText(mount.PathOf("f")));
        Assert.Equal(0, fs.ReadCalls);
        Assert.Equal(Errno.ENOENT, mount.Session.NotifyStore(424242, 0, "x"u8));
    }

    [FuseFact]
    public void Unmount_cleans_up_the_stale_mount_of_a_killed_daemon()
    {
        string dir = Directory.CreateTempSubdirectory("amduatfs-fuse-test-").FullName;
        using var host = HostProcess.Start(dir);
        try
        {
            Assert.Equal(0, Posix.Stat(dir, out _));
            host.Process.Kill();
            host.Process.WaitForExit();

            Assert.True(FuseMounts.IsMounted(dir));
            Assert.Equal(Errno.ENOTCONN, Posix.Stat(Path.Join(dir, "anything"), out _));
            FuseMounts.Unmount(dir);
            Assert.False(FuseMounts.IsMounted(dir));
            Assert.Equal(0, Posix.Stat(dir, out _));
        }
        finally
        {
            FuseMounts.Unmount(dir);
            Directory.Delete(dir);
        }
    }

    [FuseFact]
    public void Sigterm_stops_a_host_cleanly()
    {
        string dir = Directory.CreateTempSubdirectory("amduatfs-fuse-test-").FullName;
        using var host = HostProcess.Start(dir);
        try
        {
            File.WriteAllText(Path.Join(dir, "f"), "x");
            Assert.Equal(0, Posix.Kill(host.Process.Id, 15 /* SIGTERM */));
            Assert.True(host.Process.WaitForExit(Patience));
            Assert.Equal(0, host.Process.ExitCode);
            Assert.False(FuseMounts.IsMounted(dir));
        }
        finally
        {
            FuseMounts.Unmount(dir);
            Directory.Delete(dir);
        }
    }

    [FuseFact]
    public void Unmount_and_IsMounted_on_an_ordinary_directory_do_nothing()
    {
        string dir = Directory.CreateTempSubdirectory("amduatfs-fuse-test-").FullName;
        try
        {
            Assert.False(FuseMounts.IsMounted(dir));
            FuseMounts.Unmount(dir);
            Assert.True(Directory.Exists(dir));
        }
        finally { Directory.Delete(dir); }
    }
}
