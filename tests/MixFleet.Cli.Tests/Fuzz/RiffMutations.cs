namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>
/// Header-aware mutations of RIFF/WAVE and RF64/BW64: the RIFF size, chunk sizes (data beyond the end of the file
/// included), every fmt field (format tag, channels 0 or huge, sample rate 0, odd bits per sample, block align,
/// WAVE_FORMAT_EXTENSIBLE's valid bits, mask and sub-format), the ds64 sizes, the container magic, chunk order and
/// tag-chunk interiors, and the samples.
/// </summary>
internal static class RiffMutations
{
    private static readonly string[] KnownIds = ["fmt ", "data", "ds64", "LIST", "id3 ", "bext", "JUNK", "fact", "INFO"];

    public static string Apply(MutableBytes file, bool isFloat)
    {
        var random = file.Random;
        var chunks = Chunk.Walk(file, bigEndian: false);
        var fmt = chunks.Find(c => c.Id == "fmt ");
        var ds64 = chunks.Find(c => c.Id == "ds64");
        var data = chunks.Find(c => c.Id == "data");
        switch (random.Next(9))
        {
            case 0:
                var riff = file.U32(file.ReadU32LE(4), file.Count - 8);
                file.WriteU32LE(4, riff);
                return $"RIFF size = {riff:N0}";
            case 1 when chunks.Count > 0:
                var chunk = random.Next(2) == 0 && data is not null ? data : file.Pick(chunks);
                var size = file.U32(file.ReadU32LE(chunk.HeaderOffset + 4), file.Count - chunk.BodyOffset);
                file.WriteU32LE(chunk.HeaderOffset + 4, size);
                return $"'{chunk.Id}' size = {size:N0}";
            case 2 or 3 when fmt is not null:
                return Fmt(file, fmt.BodyOffset);
            case 4 when ds64 is not null:
                var field = random.Next(4);
                if (field == 3)
                {
                    var table = file.U32(file.ReadU32LE(ds64.BodyOffset + 24), 0);
                    file.WriteU32LE(ds64.BodyOffset + 24, table);
                    return $"ds64 table length = {table:N0}";
                }

                var name = field switch { 0 => "RIFF size", 1 => "data size", _ => "sample count" };
                var value = file.U64(file.ReadU64LE(ds64.BodyOffset + (8 * field)), data is null ? 0 : file.Count - data.BodyOffset);
                file.WriteU64LE(ds64.BodyOffset + (8 * field), value);
                return $"ds64 {name} = {value:N0}";
            case 5:
                var magic = file.Pick(["RIFF", "RF64", "BW64", "RIFX", "FORM"]);
                var form = random.Next(4) == 0 ? file.Pick(["WAVE", "AVI ", "wave", "AIFF"]) : "WAVE";
                file.WriteAscii(0, magic);
                file.WriteAscii(8, form);
                return $"magic = '{magic}' '{form}'";
            case 6 when data is not null:
                var bits = fmt is null ? 16 : file.ReadU16LE(fmt.BodyOffset + 14);
                return SampleMutations.Apply(file, data.BodyOffset, (int)Math.Min(data.Size, int.MaxValue), isFloat, bigEndian: false, bits / 8);
            default:
                return ChunkMutations.Apply(file, chunks, bigEndian: false, KnownIds);
        }
    }

    private static string Fmt(MutableBytes file, int body)
    {
        var random = file.Random;
        switch (random.Next(9))
        {
            case 0:
                var tag = file.Pick<ushort>([0x0000, 0x0001, 0x0002, 0x0003, 0x0006, 0x0007, 0x0011, 0x0055, 0xF1AC, 0xFFFE, 0xFFFF]);
                file.WriteU16LE(body, tag);
                return $"fmt format tag = 0x{tag:X4}";
            case 1:
                var channels = file.U16(file.ReadU16LE(body + 2));
                file.WriteU16LE(body + 2, channels);
                return $"fmt channels = {channels}";
            case 2:
                var rate = random.Next(2) == 0 ? file.Pick<uint>([0, 1, 7_999, 8_000, 384_000, 384_001, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF]) : file.U32(file.ReadU32LE(body + 4), 0);
                file.WriteU32LE(body + 4, rate);
                return $"fmt sample rate = {rate:N0}";
            case 3:
                var byteRate = file.U32(file.ReadU32LE(body + 8), 0);
                file.WriteU32LE(body + 8, byteRate);
                return $"fmt byte rate = {byteRate:N0}";
            case 4:
                var align = file.U16(file.ReadU16LE(body + 12));
                file.WriteU16LE(body + 12, align);
                return $"fmt block align = {align}";
            case 5:
                var bits = file.U16(file.ReadU16LE(body + 14));
                file.WriteU16LE(body + 14, bits);
                return $"fmt bits per sample = {bits}";
            case 6:
                // Channels and block align changed together, so the format stays self-consistent and reaches the engine.
                var c = (ushort)file.Pick([1, 2, 3, 4, 6, 8, 16, 32, 33]);
                var width = file.ReadU16LE(body + 14) / 8;
                file.WriteU16LE(body + 2, c);
                file.WriteU16LE(body + 12, (ushort)(c * width));
                return $"fmt channels = {c} with a matching block align";
            case 7:
                var validBits = file.U16(file.ReadU16LE(body + 18));
                file.WriteU16LE(body + 18, validBits);
                file.WriteU16LE(body + 16, file.U16(file.ReadU16LE(body + 16)));
                return $"fmt cbSize/valid bits = {validBits}";
            default:
                var mask = file.U32(file.ReadU32LE(body + 20), 0);
                file.WriteU32LE(body + 20, mask);
                if (random.Next(2) == 0)
                {
                    file.WriteU16LE(body + 24 + (2 * random.Next(8)), (ushort)random.Next(65536));
                    return $"fmt channel mask = 0x{mask:X8} and sub-format GUID damaged";
                }

                return $"fmt channel mask = 0x{mask:X8}";
        }
    }
}
