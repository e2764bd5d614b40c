using Microsoft.Extensions.Logging;

namespace AmduatFs.Mount;

internal static partial class MountLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "snapshot '{Name}' refused: {Reason}")]
    public static partial void LogSnapshotRefused(this ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Operation} failed: {Reason}")]
    public static partial void LogOperationFailed(this ILogger logger, string operation, string reason);
}
