using AmduatFs.Core;
using Microsoft.Win32.SafeHandles;

namespace AmduatFs.Store;

/// <summary>Reads artifacts as one domain sees them at one log position. Every byte returned has been verified.</summary>
public interface IArtifactSource
{
    /// <summary>The visible index entry for a reference, or false when it is absent, tombstoned or not yet sealed.</summary>
    bool TryGetEntry(Reference reference, out IndexEntry entry);

    /// <summary>A seekable stream over the artifact's bytes; reads throw <see cref="CorruptDataException"/> on damage.</summary>
    /// <exception cref="ArtifactNotFoundException">the reference is not visible.</exception>
    Stream OpenRead(Reference reference);

    /// <exception cref="ArtifactNotFoundException">the reference is not visible.</exception>
    /// <exception cref="CorruptDataException">stored bytes failed verification.</exception>
    Artifact ReadArtifact(Reference reference);
}

/// <summary>
/// Stores artifacts into one domain. Thread-safe. What is put becomes durable and visible only when the
/// owner commits (group commit); nothing may be reported to a user as stored before that.
/// </summary>
public interface IArtifactSink
{
    Reference Put(ReadOnlySpan<byte> bytes, uint? typeTag = null);

    /// <summary>Stores exactly <paramref name="length"/> bytes read from offset 0 of an open file.</summary>
    /// <exception cref="IOException">the file is shorter or longer than <paramref name="length"/> (it changed while read), or a read failed.</exception>
    Reference PutFile(SafeFileHandle file, long length);
}

public sealed class ArtifactNotFoundException(Reference reference, string domain)
    : Exception($"artifact {reference} is not visible in domain '{domain}'")
{
    public Reference Reference { get; } = reference;
}
