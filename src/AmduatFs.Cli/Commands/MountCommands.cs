using System.CommandLine;
using System.Diagnostics;
using AmduatFs.Fuse;
using AmduatFs.Mount;
using AmduatFs.Store;

namespace AmduatFs.Cli.Commands;

internal static class MountCommands
{
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(120);

    public static Command Mount()
    {
        var mountPoint = new Argument<string>("mountpoint") { Description = "Directory to mount the store on" };
        var background = new Option<bool>("--background") { Description = "Return once mounted; the daemon logs to STORE/mount.log" };
        var allowOther = new Option<bool>("--allow-other") { Description = "Let users other than the mounting one in (FUSE allow_other)" };
        var options = new Option<string[]>("--option", "-o") { Description = "Extra FUSE mount option (repeatable)", AllowMultipleArgumentsPerToken = true };
        var threads = new Option<int>("--threads") { Description = "Threads serving FUSE requests", DefaultValueFactory = _ => 4 };
        var pollUs = new Option<int>("--poll-us") { Description = "How long a FUSE thread polls for the next request after answering one (0: never)", DefaultValueFactory = _ => 50 };
        var commitDelay = new Option<int>("--commit-delay-ms") { Description = "Longest wait before closed staging files are committed", DefaultValueFactory = _ => 500 };
        var command = new Command("mount", "Serve the store as a filesystem (foreground unless --background)")
        {
            mountPoint, background, allowOther, options, threads, pollUs, commitDelay,
        };
        command.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            string target = Path.GetFullPath(parse.GetValue(mountPoint)!);
            if (FuseMounts.Unavailable() is { } reason) throw new IOException($"FUSE is not available here: {reason}");
            if (parse.GetValue(background)) return StartInBackground(context, target);
            using var store = context.OpenStore(StoreAccess.Writable);
            var fuseOptions = new FuseMountOptions
            {
                AllowOther = parse.GetValue(allowOther),
                Threads = Math.Max(1, parse.GetValue(threads)),
                PollMicroseconds = Math.Max(0, parse.GetValue(pollUs)),
            };
            foreach (var option in parse.GetValue(options) ?? []) fuseOptions.ExtraOptions.Add(option);
            var settings = new MountSettings { CommitDelay = TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(commitDelay))) };
            MountHost.Serve(store, target, fuseOptions, settings, context.Loggers,
                () => Console.Error.WriteLine($"amduatfs: mounted {store.Layout.Root} at {target}"));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Starts this command again in the foreground as its own session (never fork a .NET process) and waits for the mount.</summary>
    private static int StartInBackground(CliContext context, string target)
    {
        string store = Path.GetFullPath(context.StorePath);
        if (!Directory.Exists(store)) throw new StoreNotFoundException(store);
        string log = Path.Combine(store, "mount.log");
        // mount(8) runs its helpers with almost no environment, so name the tools by path.
        var start = new ProcessStartInfo(File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "/bin/setsid") { UseShellExecute = false };
        foreach (var arg in new[] { "/bin/sh", "-c", "exec \"$@\" </dev/null >>\"$AMDUATFS_MOUNT_LOG\" 2>&1", "sh" }) start.ArgumentList.Add(arg);
        foreach (var arg in SelfCommand()) start.ArgumentList.Add(arg);
        foreach (var arg in Environment.GetCommandLineArgs().Skip(1).Where(a => a != "--background")) start.ArgumentList.Add(arg);
        start.Environment["AMDUATFS_MOUNT_LOG"] = log;
        using var daemon = Process.Start(start) ?? throw new IOException("could not start the mount daemon");
        var deadline = DateTime.UtcNow + StartWait;
        while (MountHost.StoreMountedAt(target) is null)
        {
            if (daemon.HasExited)
                throw new IOException($"the mount daemon exited with code {daemon.ExitCode}; see {log}: {LastLine(log)}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{target} was not mounted within {StartWait.TotalSeconds:0} s; see {log}");
            Thread.Sleep(20);
        }
        Console.Error.WriteLine($"amduatfs: mounted {store} at {target} (daemon pid {daemon.Id}, log {log})");
        return ExitCodes.Ok;
    }

    private static IEnumerable<string> SelfCommand()
    {
        string process = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? [process, typeof(MountCommands).Assembly.Location] : [process];
    }

    private static string LastLine(string path) =>
        File.Exists(path) ? File.ReadLines(path).LastOrDefault(l => l.Trim().Length > 0) ?? "" : "";

    public static Command Umount()
    {
        var mountPoint = new Argument<string>("mountpoint") { Description = "Where the store is mounted" };
        var command = new Command("umount", "Unmount, and wait until the daemon has committed staging and stopped") { mountPoint };
        command.SetAction(parse => ErrorReporting.Run(() =>
        {
            MountHost.Unmount(parse.GetValue(mountPoint)!, StopWait);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
