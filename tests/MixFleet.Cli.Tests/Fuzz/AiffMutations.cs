namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>
/// Header-aware mutations of FORM/AIFF and FORM/AIFC: the FORM size and type, chunk sizes, every COMM field
/// (channels, frame count, sample size, the 80-bit extended sample rate: zero, denormal, unnormal, ∞/NaN, negative,
/// huge), the AIFC compression, SSND's offset and block size, chunk order and tag chunks, and the samples.
/// </summary>
internal static class AiffMutations
{
    private static readonly string[] KnownIds = ["COMM", "SSND", "NAME", "AUTH", "ID3 ", "FVER", "MARK", "ANNO"];

    public static string Apply(MutableBytes file, bool isFloat)
    {
        var random = file.Random;
        var chunks = Chunk.Walk(file, bigEndian: true);
        var comm = chunks.Find(c => c.Id == "COMM");
        var ssnd = chunks.Find(c => c.Id == "SSND");
        var aifc = file.ReadAscii(8, 4) == "AIFC";
        switch (random.Next(10))
        {
            case 0:
                var form = file.U32(file.ReadU32BE(4), file.Count - 8);
                file.WriteU32BE(4, form);
                return $"FORM size = {form:N0}";
            case 1:
                var type = file.Pick(["AIFF", "AIFC", "WAVE", "aiff"]);
                file.WriteAscii(8, type);
                return $"FORM type = '{type}'";
            case 2 when chunks.Count > 0:
                var chunk = random.Next(2) == 0 && ssnd is not null ? ssnd : file.Pick(chunks);
                var size = file.U32(file.ReadU32BE(chunk.HeaderOffset + 4), file.Count - chunk.BodyOffset);
                file.WriteU32BE(chunk.HeaderOffset + 4, size);
                return $"'{chunk.Id}' size = {size:N0}";
            case 3 or 4 or 5 when comm is not null:
                return Comm(file, comm.BodyOffset, aifc);
            case 6 when ssnd is not null:
                var field = random.Next(2);
                var value = file.U32(file.ReadU32BE(ssnd.BodyOffset + (4 * field)), ssnd.Size - 8);
                file.WriteU32BE(ssnd.BodyOffset + (4 * field), value);
                return $"SSND {(field == 0 ? "offset" : "block size")} = {value:N0}";
            case 7 when ssnd is not null && comm is not null:
                var bits = file.ReadU16BE(comm.BodyOffset + 6);
                var compression = aifc ? file.ReadAscii(comm.BodyOffset + 18, 4) : "NONE";
                var offset = (int)file.ReadU32BE(ssnd.BodyOffset);
                return SampleMutations.Apply(file, ssnd.BodyOffset + 8 + offset, (int)Math.Min(ssnd.Size - 8 - offset, int.MaxValue), isFloat, bigEndian: compression != "sowt", (bits + 7) / 8);
            default:
                return ChunkMutations.Apply(file, chunks, bigEndian: true, KnownIds);
        }
    }

    private static string Comm(MutableBytes file, int body, bool aifc)
    {
        var random = file.Random;
        switch (random.Next(aifc ? 6 : 5))
        {
            case 0:
                var channels = file.U16(file.ReadU16BE(body));
                file.WriteU16BE(body, channels);
                return $"COMM channels = {(short)channels}";
            case 1:
                var frames = file.U32(file.ReadU32BE(body + 2), file.Count);
                file.WriteU32BE(body + 2, frames);
                return $"COMM frames = {frames:N0}";
            case 2:
                var sampleSize = file.U16(file.ReadU16BE(body + 6));
                file.WriteU16BE(body + 6, sampleSize);
                return $"COMM sample size = {(short)sampleSize}";
            case 3:
                var exponent = random.Next(2) == 0
                    ? file.Pick<ushort>([0x0000, 0x0001, 0x3FFE, 0x3FFF, 0x400B, 0x400E, 0x4011, 0x401E, 0x403E, 0x4040, 0x43FF, 0x7FFE, 0x7FFF, 0x8000, 0xC00E, 0xFFFF])
                    : file.U16(file.ReadU16BE(body + 8));
                file.WriteU16BE(body + 8, exponent);
                return $"COMM rate exponent = 0x{exponent:X4}";
            case 4:
                var mantissa = file.Pick<ulong>([0UL, 1UL, 0x4000000000000000, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000, 0xC000000000000000, ulong.MaxValue, (ulong)random.NextInt64()]);
                file.WriteU64BE(body + 10, mantissa);
                return $"COMM rate mantissa = 0x{mantissa:X16}";
            default:
                var compression = file.Pick(["NONE", "sowt", "twos", "fl32", "FL32", "fl64", "FL64", "ulaw", "alaw", "ima4", "in24", "raw "]);
                file.WriteAscii(body + 18, compression);
                return $"AIFC compression = '{compression}'";
        }
    }
}
