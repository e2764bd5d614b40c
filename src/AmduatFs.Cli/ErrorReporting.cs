using AmduatFs.Core;
using AmduatFs.Namespace;
using AmduatFs.Store;

namespace AmduatFs.Cli;

/// <summary>Turns an exception into one line on stderr and an exit code, by cause.</summary>
internal static class ErrorReporting
{
    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e)
        {
            var (code, message) = Classify(e);
            Console.Error.WriteLine($"amduatfs: {message}");
            if (code == ExitCodes.Failure && Environment.GetEnvironmentVariable("AMDUATFS_DEBUG") == "1") Console.Error.WriteLine(e);
            return code;
        }
    }

    private static (int Code, string Message) Classify(Exception e) => e switch
    {
        CorruptDataException => (ExitCodes.Damaged, $"integrity damage: {e.Message}"),
        StoreNotFoundException or DomainNotFoundException or ArtifactNotFoundException or PathNotFoundException
            or SnapshotNotFoundException => (ExitCodes.NotFound, e.Message),
        FileNotFoundException or DirectoryNotFoundException => (ExitCodes.NotFound, e.Message),
        StoreBusyException or InvalidOperationException or TimeoutException => (ExitCodes.Failure, e.Message),
        FormatException or ArgumentException => (ExitCodes.Usage, e.Message),
        IOException or UnauthorizedAccessException => (ExitCodes.IoFailure, $"I/O failure: {e.Message}"),
        _ => (ExitCodes.Failure, $"{e.GetType().Name}: {e.Message}"),
    };
}

internal sealed class SnapshotNotFoundException(string name, string domain)
    : Exception($"snapshot '{name}' does not exist in domain '{domain}'");
