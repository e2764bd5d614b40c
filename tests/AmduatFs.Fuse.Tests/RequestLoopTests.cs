namespace AmduatFs.Fuse.Tests;

public sealed class RequestLoopTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [FuseFact]
    public void Other_threads_serve_while_one_is_held_inside_a_request()
    {
        using var gate = new ManualResetEventSlim();
        var fs = new MemoryFileSystem { HeldLookupGate = gate };
        fs.AddFile("f", "still served"u8.ToArray());
        using var mount = new TestMount(new FuseMountOptions { Threads = 2 }, fs);
        var held = Task.Run(() => Posix.Stat(mount.PathOf(MemoryFileSystem.HeldName), out _));
        try
        {
            Assert.False(held.Wait(TimeSpan.FromMilliseconds(200)), "the lookup should wait for the gate");
            Assert.Equal("still served", File.ReadAllText(mount.PathOf("f")));
            File.WriteAllText(mount.PathOf("g"), "written");
        }
        finally
        {
            gate.Set();
        }
        Assert.True(held.Wait(Patience));
        Assert.Equal(Errno.ENOENT, held.Result);
        Assert.True(mount.Stop(Patience));
    }

    [FuseFact]
    public void Stop_ends_every_thread_of_an_idle_loop()
    {
        using var mount = new TestMount(new FuseMountOptions { Threads = 8 });
        Assert.Equal(0, Posix.Stat(mount.Directory, out _));
        Assert.True(mount.Stop(Patience));
        Assert.Equal(1, mount.Fs.DestroyCalls);
    }

    [FuseFact]
    public void A_thread_polls_for_the_poll_time_after_a_request_then_sleeps()
    {
        string dir = Directory.CreateTempSubdirectory("amduatfs-fuse-test-").FullName;
        var host = HostProcess.Start(dir, "--poll-us", "400000");
        try
        {
            // Polling is a loop of non-blocking reads of /dev/fuse; a sleeping thread makes no read calls.
            Assert.Equal(Errno.ENOENT, Posix.Stat(Path.Join(dir, "missing"), out _));
            long start = ReadCalls(host.Process.Id);
            Thread.Sleep(100);
            Assert.True(ReadCalls(host.Process.Id) - start > 10, "no thread polled after the request");

            Thread.Sleep(600);
            long asleep = ReadCalls(host.Process.Id);
            Thread.Sleep(500);
            Assert.Equal(asleep, ReadCalls(host.Process.Id));
        }
        finally
        {
            host.Dispose();
            FuseMounts.Unmount(dir);
            Directory.Delete(dir);
        }
    }

    private static long ReadCalls(int pid)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/io"))
            if (line.StartsWith("syscr:", StringComparison.Ordinal)) return long.Parse(line.AsSpan(6));
        throw new InvalidOperationException($"/proc/{pid}/io has no syscr line");
    }
}
