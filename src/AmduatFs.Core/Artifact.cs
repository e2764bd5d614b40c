namespace AmduatFs.Core;

/// <summary>An immutable value: bytes plus an optional u32 type tag. Both are part of its identity.</summary>
public sealed record Artifact(ReadOnlyMemory<byte> Bytes, uint? TypeTag = null)
{
    public Reference ComputeReference() => ArtifactEncoding.ComputeReference(Bytes.Span, TypeTag);
}
