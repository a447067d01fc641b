namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>
/// Where the metadata blocks and the frames of a FLAC file are now (RFC 9639), found independently of the decoder:
/// a frame is a sync code whose header passes its CRC-8 and which ends where the next such frame's CRC-16 closes.
/// Also the two CRCs, so a mutation inside a frame can re-seal it and reach the subframe decoder.
/// </summary>
internal sealed class FlacLayout
{
    public List<(int Type, int HeaderOffset, int Length)> Blocks { get; } = [];

    public List<(int Start, int HeaderLength, int End)> Frames { get; } = [];

    public static FlacLayout Read(MutableBytes file)
    {
        var layout = new FlacLayout();
        var position = 4;
        while (file.Fits(position, 4) && layout.Blocks.Count < 32)
        {
            var type = file.Data[position] & 0x7F;
            var length = (file.Data[position + 1] << 16) | (file.Data[position + 2] << 8) | file.Data[position + 3];
            layout.Blocks.Add((type, position, length));
            position += 4 + length;
            if ((file.Data[position - 4 - length] & 0x80) != 0)
            {
                break;
            }
        }

        // One pass: the CRC-16 of the current frame runs along, so finding every frame is linear in the file.
        var start = -1;
        var crc = 0;
        var covered = 0;
        for (var p = position; p + 1 < file.Count; p++)
        {
            if (file.Data[p] != 0xFF || (file.Data[p + 1] & 0xFE) != 0xF8 || HeaderLength(file, p) is not { } length)
            {
                continue;
            }

            if (start >= 0)
            {
                for (; covered < p - 2; covered++)
                {
                    crc = ((crc << 8) ^ Crc16Table[((crc >> 8) ^ file.Data[covered]) & 0xFF]) & 0xFFFF;
                }

                if (crc != file.ReadU16BE(p - 2))
                {
                    continue;
                }

                layout.Frames.Add((start, HeaderLength(file, start)!.Value, p));
            }

            start = p;
            crc = 0;
            covered = p;
            p += length - 1;
        }

        if (start >= 0)
        {
            layout.Frames.Add((start, HeaderLength(file, start)!.Value, file.Count));
        }

        return layout;
    }

    /// <summary>The frame header's length (CRC-8 included) if the bytes at <paramref name="start"/> are a header whose CRC-8 holds.</summary>
    public static int? HeaderLength(MutableBytes file, int start) =>
        ImpliedHeaderLength(file, start) is { } length && file.Fits(start + length - 1, 1) && Crc8(file, start, start + length - 1) == file.Data[start + length - 1]
            ? length
            : null;

    /// <summary>The header length (CRC-8 included) its fields imply: coded number, block size and rate extensions.</summary>
    public static int? ImpliedHeaderLength(MutableBytes file, int start)
    {
        if (!file.Fits(start, 5))
        {
            return null;
        }

        var blockSizeCode = file.Data[start + 2] >> 4;
        var rateCode = file.Data[start + 2] & 0x0F;
        var lead = file.Data[start + 4];
        var extra = lead < 0x80 ? 0 : lead >= 0xFE ? 6 : lead >= 0xFC ? 5 : lead >= 0xF8 ? 4 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
        return extra < 0 ? null : 5 + extra + (blockSizeCode == 6 ? 1 : blockSizeCode == 7 ? 2 : 0) + (rateCode == 12 ? 1 : rateCode is 13 or 14 ? 2 : 0) + 1;
    }

    /// <summary>Recomputes a frame's CRC-8 (header) and CRC-16 (whole frame) after its bytes changed.</summary>
    public static void Seal(MutableBytes file, int start, int headerLength, int end)
    {
        if (file.Fits(start + headerLength - 1, 1))
        {
            file.Data[start + headerLength - 1] = Crc8(file, start, start + headerLength - 1);
        }

        if (end - start >= headerLength + 2 && file.Fits(end - 2, 2))
        {
            file.WriteU16BE(end - 2, Crc16(file, start, end - 2));
        }
    }

    /// <summary>CRC-8, polynomial x^8 + x^2 + x + 1, initial 0 (RFC 9639 §9.1.8).</summary>
    public static byte Crc8(MutableBytes file, int from, int to)
    {
        var crc = 0;
        for (var i = from; i < to; i++)
        {
            crc ^= file.Data[i];
            for (var b = 0; b < 8; b++)
            {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
            }
        }

        return (byte)crc;
    }

    /// <summary>CRC-16, polynomial x^16 + x^15 + x^2 + 1, initial 0 (RFC 9639 §9.3).</summary>
    public static ushort Crc16(MutableBytes file, int from, int to)
    {
        var crc = 0;
        for (var i = from; i < to; i++)
        {
            crc = ((crc << 8) ^ Crc16Table[((crc >> 8) ^ file.Data[i]) & 0xFF]) & 0xFFFF;
        }

        return (ushort)crc;
    }

    private static readonly int[] Crc16Table = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var crc = n << 8;
        for (var b = 0; b < 8; b++)
        {
            crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xFFFF : (crc << 1) & 0xFFFF;
        }

        return crc;
    })];
}
