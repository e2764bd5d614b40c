using System.Text.Json;
using System.Text.Json.Serialization;
using AmduatFs.Core;
using AmduatFs.Store.Chunking;

namespace AmduatFs.Store;

/// <summary>Per-store settings fixed at init (docs/format.md, "Store layout"): the chunker and the hash.</summary>
public sealed record StoreConfig(int FormatVersion, ushort HashId, int ChunkAverage, ulong ChunkSeed, int BlockTargetSize)
{
    public const int CurrentFormatVersion = 1;
    public const int DefaultBlockTargetSize = 32 * 1024 * 1024;

    public static StoreConfig Default => new(CurrentFormatVersion, AmduatConstants.HashAsl1_256, ChunkerParameters.DefaultAverage, 0, DefaultBlockTargetSize);

    public ChunkerParameters Chunker => ChunkerParameters.ForAverage(ChunkAverage, ChunkSeed);

    public string ToJson() => JsonSerializer.Serialize(this, StoreConfigJson.Default.StoreConfig) + "\n";

    /// <exception cref="CorruptDataException">the file is not a valid config of a version we know.</exception>
    public static StoreConfig Load(string path)
    {
        StoreConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(File.ReadAllText(path), StoreConfigJson.Default.StoreConfig);
        }
        catch (JsonException e)
        {
            throw new CorruptDataException("store config", path, e.Message);
        }
        if (config is null) throw new CorruptDataException("store config", path, "empty");
        config.Validate(path);
        return config;
    }

    public void Validate(string source)
    {
        if (FormatVersion != CurrentFormatVersion)
            throw new CorruptDataException("store config", source, $"format version {FormatVersion} is not supported (this build reads {CurrentFormatVersion})");
        if (HashId != AmduatConstants.HashAsl1_256)
            throw new CorruptDataException("store config", source, $"hash id 0x{HashId:x4} cannot be stored; only 0x0001 (SHA-256) is supported");
        if (BlockTargetSize < 1024 * 1024 || BlockTargetSize > 1024 * 1024 * 1024)
            throw new CorruptDataException("store config", source, $"block target size {BlockTargetSize} is outside 1 MiB..1 GiB");
        try { Chunker.Validate(); }
        catch (ArgumentException e) { throw new CorruptDataException("store config", source, e.Message); }
    }
}

/// <summary>Compile-time JSON for <see cref="StoreConfig"/>: every open reads it, and reflection-based setup cost more than the rest of a small open.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(StoreConfig))]
internal sealed partial class StoreConfigJson : JsonSerializerContext;
