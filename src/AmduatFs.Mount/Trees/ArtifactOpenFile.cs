using AmduatFs.Core;
using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Store;
using Microsoft.Extensions.Logging;

namespace AmduatFs.Mount.Trees;

/// <summary>
/// An open stored artifact. Reads are verified chunk by chunk; damage is logged with the block and
/// artifact it names and answered with EIO, never with wrong bytes.
/// </summary>
internal sealed class ArtifactOpenFile(IArtifactSource source, Reference artifact, ILogger logger) : OpenFile
{
    private readonly object _gate = new();
    private Stream? _stream;

    public override int Read(long offset, Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        try
        {
            lock (_gate)
            {
                _stream ??= source.OpenRead(artifact);
                if (offset >= _stream.Length) return 0;
                _stream.Position = offset;
                while (bytesRead < buffer.Length)
                {
                    int n = _stream.Read(buffer[bytesRead..]);
                    if (n == 0) break;
                    bytesRead += n;
                }
            }
            return 0;
        }
        catch (CorruptDataException e)
        {
            logger.LogError("read of {Artifact} at offset {Offset} failed: {Damage}", artifact, offset, e.Message);
            bytesRead = 0;
            return Errno.EIO;
        }
        catch (ArtifactNotFoundException e)
        {
            logger.LogError("read of {Artifact} failed: {Reason}", artifact, e.Message);
            bytesRead = 0;
            return Errno.EIO;
        }
    }

    public override void Release()
    {
        lock (_gate) _stream?.Dispose();
    }
}
