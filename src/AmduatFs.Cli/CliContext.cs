using System.CommandLine;
using System.Text.Json;
using AmduatFs.Store;
using Microsoft.Extensions.Logging;

namespace AmduatFs.Cli;

/// <summary>What every command shares: the global options, the store location, logging and output.</summary>
internal sealed class CliContext
{
    public static readonly Option<string?> StoreOption = new("--store")
    {
        Description = "Store directory (default: $AMDUATFS_STORE, else ~/.local/share/amduatfs)",
        Recursive = true,
    };

    public static readonly Option<bool> JsonOption = new("--json") { Description = "Print data as JSON", Recursive = true };

    public static readonly Option<bool> VerboseOption = new("--verbose", "-v") { Description = "Log progress details to stderr", Recursive = true };

    public static readonly Option<string> DomainOption = new("--domain") { Description = "Domain to act on", DefaultValueFactory = _ => DomainId.LocalName };

    private readonly ParseResult _parse;

    public CliContext(ParseResult parse)
    {
        _parse = parse;
        var minimum = parse.GetValue(VerboseOption) ? LogLevel.Debug : LogLevel.Warning;
        Loggers = new DeferredLoggerFactory(minimum, () => LoggerFactory.Create(builder => builder
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = null; })
            .AddFilter(level => level >= minimum)));
        Json = parse.GetValue(JsonOption);
    }

    public ILoggerFactory Loggers { get; }
    public bool Json { get; }
    public string StorePath => _parse.GetValue(StoreOption) ?? DefaultStorePath();
    public string DomainName => _parse.GetValue(DomainOption) ?? DomainId.LocalName;

    public ArtifactStore OpenStore(StoreAccess access) => ArtifactStore.Open(StorePath, access, Loggers);

    public static string DefaultStorePath()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("AMDUATFS_STORE");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome))
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "amduatfs");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>A progress line on stderr, only when stderr is a terminal.</summary>
    public static IProgress<string>? TerminalProgress() =>
        Console.IsErrorRedirected ? null : new Progress<string>(line => Console.Error.Write($"\r\u001b[K{line}"));

    public static void EndProgress()
    {
        if (!Console.IsErrorRedirected) Console.Error.Write("\r\u001b[K");
    }
}
