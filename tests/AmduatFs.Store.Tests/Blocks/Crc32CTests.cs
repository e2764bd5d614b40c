using AmduatFs.Store.Blocks;

namespace AmduatFs.Store.Tests.Blocks;

public class Crc32CTests
{
    [Fact]
    public void Check_value_of_the_standard_test_string() =>
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));

    [Fact]
    public void Empty_input_is_zero() => Assert.Equal(0u, Crc32C.Compute([]));

    [Fact]
    public void Word_and_byte_paths_agree()
    {
        // 32 zero bytes: a published CRC-32C vector (RFC 3720, B.4), crossing the 8-byte loop and the tail.
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
        Assert.Equal(0x62A8AB43u, Crc32C.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
    }
}
