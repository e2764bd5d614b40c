namespace AmduatFs.Core;

/// <summary>
/// Stored bytes failed verification. Names the damaged object (a block, segment, log record,
/// checkpoint) and, where known, the artifact whose read found it.
/// </summary>
public sealed class CorruptDataException : Exception
{
    public CorruptDataException(string objectKind, string objectId, string reason, Reference? artifact = null, long? offset = null)
        : base(Compose(objectKind, objectId, reason, artifact, offset))
    {
        ObjectKind = objectKind;
        ObjectId = objectId;
        Reason = reason;
        Artifact = artifact;
        Offset = offset;
    }

    public string ObjectKind { get; }
    public string ObjectId { get; }
    public string Reason { get; }
    public Reference? Artifact { get; }
    public long? Offset { get; }

    private static string Compose(string kind, string id, string reason, Reference? artifact, long? offset)
    {
        string where = offset is null ? "" : $" at offset {offset}";
        string of = artifact is null ? "" : $" (reading artifact {artifact})";
        return $"{kind} {id} is damaged{where}: {reason}{of}";
    }
}
