using Microsoft.Extensions.Logging;

namespace AmduatFs.Mount;

internal static partial class MountLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "snapshot '{Name}' refused: {Reason}")]
    public static partial void LogSnapshotRefused(this ILogger logger, string name, string reason);

}
