namespace MixFleet.Audio.Flac;

/// <summary>
/// A frame header (RFC 9639 §9.1): sync code and blocking strategy, block size, sample rate, channel assignment, bit
/// depth, the coded frame or sample number, and the CRC-8 that protects it. The CRC is checked before any field is
/// trusted, so damage to a header reads as <see cref="AudioErrorCode.HeaderCrcMismatch"/>.
/// </summary>
internal readonly record struct FlacFrameHeader(int BlockSize, int ChannelAssignment, int BitsPerSample, bool VariableBlockSize, long Number)
{
    /// <summary>Channel assignments 0–7 are 1–8 independent channels; these three are the stereo decorrelation modes.</summary>
    public const int LeftSide = 8;
    public const int SideRight = 9;
    public const int MidSide = 10;

    public int Channels => ChannelAssignment < LeftSide ? ChannelAssignment + 1 : 2;

    /// <summary>Bits of channel <paramref name="channel"/>'s subframe: the side channel has one more (RFC 9639 §9.2).</summary>
    public int SubframeBits(int channel) => BitsPerSample + (ChannelAssignment switch
    {
        LeftSide or MidSide when channel == 1 => 1,
        SideRight when channel == 0 => 1,
        _ => 0,
    });

    /// <summary>Reads a header at the start of a frame and validates it against STREAMINFO.</summary>
    public static FlacFrameHeader Read(FlacBitReader reader, FlacStreamInfo info, FlacFrameContext frame)
    {
        var sync = reader.ReadBits(16);
        if ((sync & 0xFFFE) != 0xFFF8)
        {
            throw AudioError.Create(
                AudioErrorCode.LostSync,
                frame.Name,
                $"no frame sync code at offset {frame.Offset:N0} (found 0x{sync:X4}, expected 0xFFF8 or 0xFFF9)");
        }

        var variable = (sync & 1) != 0;
        var sizeCode = (int)reader.ReadBits(4);
        var rateCode = (int)reader.ReadBits(4);
        var assignment = (int)reader.ReadBits(4);
        var depthCode = (int)reader.ReadBits(3);
        var reserved = reader.ReadBit();
        var (number, numberValid) = ReadCodedNumber(reader);
        var blockSize = sizeCode switch
        {
            0 => 0,
            1 => 192,
            <= 5 => 144 << sizeCode,
            6 => (int)reader.ReadBits(8) + 1,
            7 => (int)reader.ReadBits(16) + 1,
            _ => 1 << sizeCode,
        };
        var rate = rateCode switch
        {
            12 => (int)reader.ReadBits(8) * 1000,
            13 => (int)reader.ReadBits(16),
            14 => (int)reader.ReadBits(16) * 10,
            _ => 0,
        };
        var computed = FlacCrc.Crc8(reader.FrameBytes);
        var stored = reader.ReadBits(8);
        if (computed != stored)
        {
            throw AudioError.Create(
                AudioErrorCode.HeaderCrcMismatch,
                frame.Name,
                $"the header CRC-8 of the frame at offset {frame.Offset:N0} is 0x{stored:X2}, its bytes give 0x{computed:X2}");
        }

        var depth = depthCode switch
        {
            0 => info.BitsPerSample,
            1 => 8,
            2 => 12,
            4 => 16,
            5 => 20,
            6 => 24,
            7 => 32,
            _ => -1,
        };
        if (reserved || !numberValid || sizeCode == 0 || rateCode == 15 || assignment > MidSide || depth < 0)
        {
            throw frame.Corrupt($"the frame header uses a reserved or invalid value");
        }

        var header = new FlacFrameHeader(blockSize, assignment, depth, variable, number);
        if (header.Channels != info.Channels || depth != info.BitsPerSample || (rate != 0 && rate != info.SampleRate)
            || (rateCode is > 0 and < 12 && StandardRate(rateCode) != info.SampleRate))
        {
            throw frame.Corrupt($"the frame's format ({header.Channels} channels, {depth} bits) differs from STREAMINFO's ({info.Channels} channels, {info.BitsPerSample} bits, {info.SampleRate} Hz)");
        }

        return header;
    }

    private static int StandardRate(int code) => code switch
    {
        1 => 88_200,
        2 => 176_400,
        3 => 192_000,
        4 => 8_000,
        5 => 16_000,
        6 => 22_050,
        7 => 24_000,
        8 => 32_000,
        9 => 44_100,
        10 => 48_000,
        _ => 96_000,
    };

    // RFC 9639 §9.1.5: the frame or sample number in the UTF-8 scheme, extended to 7 bytes (36 bits).
    private static (long Number, bool Valid) ReadCodedNumber(FlacBitReader reader)
    {
        var lead = (int)reader.ReadBits(8);
        var length = System.Numerics.BitOperations.LeadingZeroCount((uint)(~lead & 0xFF) << 24);
        if (length == 0)
        {
            return (lead, true);
        }

        if (length == 1 || length >= 8)
        {
            return (0, false);
        }

        long number = lead & (0x7F >> length);
        for (var i = 1; i < length; i++)
        {
            var next = (int)reader.ReadBits(8);
            if ((next & 0xC0) != 0x80)
            {
                return (0, false);
            }

            number = (number << 6) | (uint)(next & 0x3F);
        }

        return (number, true);
    }
}
