using AmduatFs.Core;
using Microsoft.Win32.SafeHandles;

namespace AmduatFs.Store.Engine;

/// <summary>Stores artifacts into one domain of a writable store.</summary>
internal sealed class DomainSink(ArtifactStore store, DomainId domain) : IArtifactSink
{
    public Reference Put(ReadOnlySpan<byte> bytes, uint? typeTag = null) => store.Put(domain, bytes, typeTag);
    public Reference PutFile(SafeFileHandle file, long length) => store.PutFile(domain, file, length);
}
