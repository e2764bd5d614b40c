using Microsoft.Extensions.Logging;

namespace AmduatFs.Fuse.Tests;

/// <summary>
/// The test assembly is also a FUSE host process, for tests that must kill a daemon and for quick measurements:
/// <c>dotnet exec AmduatFs.Fuse.Tests.dll host MOUNTPOINT [--file-mib N] [--readahead-kb N|default] [--single]
/// [--auto-unmount]</c>. It prints "MOUNTED" once mounted and serves until SIGTERM/SIGINT/SIGHUP.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length < 2 || args[0] != "host")
        {
            Console.Error.WriteLine("usage: host MOUNTPOINT [--file-mib N] [--readahead-kb N|default] [--single] [--auto-unmount]");
            return 2;
        }
        var fs = new MemoryFileSystem();
        var options = new FuseMountOptions();
        for (int i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--file-mib":
                    var content = new byte[int.Parse(args[++i]) * (1 << 20)];
                    new Random(1).NextBytes(content);
                    fs.AddFile("big", content);
                    break;
                case "--readahead-kb":
                    options.ReadAheadKb = args[++i] == "default" ? null : int.Parse(args[i]);
                    break;
                case "--single": options.Threads = 1; break;
                case "--poll-us": options.PollMicroseconds = int.Parse(args[++i]); break;
                case "--auto-unmount": options.AutoUnmount = true; break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }
        using var loggers = LoggerFactory.Create(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        using var session = FuseSession.Mount(fs, args[1], options, loggers.CreateLogger("host"));
        session.InstallSignalHandlers();
        Console.WriteLine("MOUNTED " + session.Device);
        session.Run();
        return 0;
    }
}
