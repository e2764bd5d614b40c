namespace AmduatFs.Core;

/// <summary>A HASH/ASL1 algorithm id (u16). 0x0000 is reserved and never valid in a reference.</summary>
public readonly record struct HashId(ushort Value)
{
    public static readonly HashId Reserved = new(0x0000);

    /// <summary>HASH-ASL1-256: SHA-256, 32-byte digests. The only id this store can write.</summary>
    public static readonly HashId Asl1Sha256 = new(AmduatConstants.HashAsl1_256);

    /// <summary>The digest length the registry fixes for this id, or null for ids we do not know.</summary>
    public int? KnownDigestLength => Value == AmduatConstants.HashAsl1_256 ? 32 : null;

    /// <summary>Whether artifacts named by this id can be stored here (only ids we can compute).</summary>
    public bool IsStorable => Value == AmduatConstants.HashAsl1_256;

    public override string ToString() => $"0x{Value:x4}";
}
