using Microsoft.Extensions.Logging;

namespace AmduatFs.Fuse;

internal static partial class FuseLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "FUSE {Operation} on node {Node} threw; answered EIO")]
    public static partial void OperationThrew(ILogger logger, string operation, ulong node, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "FUSE {Operation} on node {Node} returned {Result}, which is not a valid errno or size; answered EIO")]
    public static partial void InvalidResult(ILogger logger, string operation, ulong node, long result);

    [LoggerMessage(Level = LogLevel.Error, Message = "FUSE init threw; stopping the session")]
    public static partial void InitThrew(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mounted FUSE filesystem at {MountPoint} (device {Device}, {Threads})")]
    public static partial void Mounted(ILogger logger, string mountPoint, string device, string threads);

    [LoggerMessage(Level = LogLevel.Information, Message = "FUSE loop at {MountPoint} ended (result {Result}); unmounted")]
    public static partial void LoopEnded(ILogger logger, string mountPoint, int result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not set read_ahead_kb={ReadAheadKb} for {MountPoint}: {Reason}")]
    public static partial void ReadAheadNotSet(ILogger logger, int readAheadKb, string mountPoint, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stop requested for FUSE mount {MountPoint}")]
    public static partial void StopRequested(ILogger logger, string mountPoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unmounting {MountPoint} failed: {Reason}")]
    public static partial void UnmountFailed(ILogger logger, string mountPoint, string reason);
}
