using MixFleet.Audio.Flac;

namespace MixFleet.Audio.Tests.Flac;

/// <summary>
/// The frame CRC-16 (folded with carry-less multiplication where the CPU has it, tables elsewhere) against the
/// catalogued check value of CRC-16/UMTS (poly 0x8005, init 0, unreflected — FLAC's CRC-16) and against a bit-at-a-time
/// CRC written from the RFC (<see cref="FlacFileParts.Crc16"/>) on every length around the folding's block edges.
/// </summary>
public sealed class FlacCrcTests
{
    [Fact]
    public void Crc16_CheckString_IsTheCatalogueValue()
    {
        // CRC-16/UMTS (alias CRC-16/BUYPASS) of "123456789" is 0xFEE8 (Williams/Cook CRC catalogue).
        Assert.Equal(0xFEE8, FlacCrc.Crc16("123456789"u8));
    }

    [Fact]
    public void Crc16_EveryLengthUpTo300AndLongBuffers_EqualsTheBitwiseCrc()
    {
        var random = new Random(16);
        var data = new byte[70_000];
        random.NextBytes(data);
        var lengths = Enumerable.Range(0, 301).Concat([1023, 1024, 1025, 4096 + 7, 69_999, 70_000]);
        foreach (var length in lengths)
        {
            for (var offset = 0; offset < 3; offset++)
            {
                var span = data.AsSpan(offset, Math.Min(length, data.Length - offset));
                Assert.Equal(FlacFileParts.Crc16(span), FlacCrc.Crc16(span));
            }
        }
    }

    [Fact]
    public void Crc16_AllOnesAndAllZeros_EqualsTheBitwiseCrc()
    {
        foreach (var fill in new byte[] { 0x00, 0xFF, 0x80 })
        {
            var data = Enumerable.Repeat(fill, 5000).ToArray();
            Assert.Equal(FlacFileParts.Crc16(data), FlacCrc.Crc16(data));
        }
    }
}
