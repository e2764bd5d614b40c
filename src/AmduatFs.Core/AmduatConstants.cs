namespace AmduatFs.Core;

/// <summary>
/// Registry constants of the Amduat specs (docs/format.md, "Constants"), kept in one place.
/// Type tags follow the spec pattern 0x0000_LLNN (LL = layer); AmduatFs's own tags use layer 0xA0.
/// </summary>
public static class AmduatConstants
{
    public const ushort HashAsl1_256 = 0x0001;

    public const ushort EncodingProfileAsl1CoreV1 = 0x0001;
    public const ushort EncodingProfilePelProgramDagV1 = 0x0101;
    public const ushort EncodingProfilePelTraceDagV1 = 0x0102;
    public const ushort EncodingProfilePelExecutionResultV1 = 0x0103;
    public const ushort EncodingProfileTgk1EdgeV1 = 0x0201;

    public const uint TypeTagPelProgramDag1 = 0x0000_0101;
    public const uint TypeTagPelTraceDag1 = 0x0000_0102;
    public const uint TypeTagPel1Result1 = 0x0000_0103;
    public const uint TypeTagTgk1EdgeV1 = 0x0000_0201;

    /// <summary>AmduatFs directory tree (docs/format.md, "Tree artifacts").</summary>
    public const uint TypeTagAmduatFsTree1 = 0x0000_A001;
}
