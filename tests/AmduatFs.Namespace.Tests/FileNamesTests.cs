using FsCheck;
using FsCheck.Fluent;

namespace AmduatFs.Namespace.Tests;

public sealed class FileNamesTests
{
    [Fact]
    public void Any_bytes_survive_display_and_back()
    {
        var names = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).ToArbitrary();
        Prop.ForAll(names, bytes => FileNames.FromDisplay(FileNames.ToDisplay(bytes)).AsSpan().SequenceEqual(bytes))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Different_bytes_never_display_alike()
    {
        var pairs = Gen.Two(Gen.ArrayOf(Gen.Elements<byte>(0x41, 0xc3, 0xa9, 0xed, 0xa0, 0x80, 0xff, 0xf0, 0x9f))).ToArbitrary();
        Prop.ForAll(pairs, ((byte[] A, byte[] B) p) =>
            p.A.AsSpan().SequenceEqual(p.B) == (FileNames.ToDisplay(p.A) == FileNames.ToDisplay(p.B)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Valid_utf8_displays_as_itself_and_other_bytes_as_escapes()
    {
        Assert.Equal("caf\u00e9 \ud83d\ude00\n", FileNames.ToDisplay("café 😀\n"u8));
        Assert.Equal("a\udcffb", FileNames.ToDisplay([0x61, 0xff, 0x62]));
        // An encoded surrogate (ED A0 80) is not valid UTF-8, so each byte is escaped.
        Assert.Equal("\udced\udca0\udc80", FileNames.ToDisplay([0xed, 0xa0, 0x80]));
    }

    [Fact]
    public void A_lone_surrogate_that_is_no_escape_is_refused() =>
        Assert.Throws<ArgumentException>(() => FileNames.FromDisplay("a\ud800"));
}
