namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>
/// Structural mutations shared by RIFF and AIFF: chunks removed, duplicated, swapped, renamed, and foreign or lying
/// chunks inserted between them.
/// </summary>
internal static class ChunkMutations
{
    public static string Apply(MutableBytes file, List<Chunk> chunks, bool bigEndian, IReadOnlyList<string> knownIds)
    {
        var random = file.Random;
        if (chunks.Count == 0)
        {
            return ByteMutations.Apply(file);
        }

        var chunk = file.Pick(chunks);
        var end = chunk.End(file.Count);
        switch (random.Next(6))
        {
            case 0:
                file.Data.RemoveRange(chunk.HeaderOffset, end - chunk.HeaderOffset);
                return $"'{chunk.Id}' chunk removed";
            case 1:
                var copy = file.Slice(chunk.HeaderOffset, Math.Min(end - chunk.HeaderOffset, 1 << 16));
                var at = file.Pick(chunks).HeaderOffset;
                file.Data.InsertRange(at, copy);
                return $"'{chunk.Id}' chunk ({copy.Length:N0} bytes) duplicated at {at}";
            case 2 when chunks.Count > 1:
                var other = file.Pick(chunks);
                var (first, second) = chunk.HeaderOffset < other.HeaderOffset ? (chunk, other) : (other, chunk);
                if (first == second)
                {
                    goto default;
                }

                var secondEnd = second.End(file.Count);
                var firstBytes = file.Slice(first.HeaderOffset, first.End(file.Count) - first.HeaderOffset);
                var secondBytes = file.Slice(second.HeaderOffset, secondEnd - second.HeaderOffset);
                var between = file.Slice(first.End(file.Count), second.HeaderOffset - first.End(file.Count));
                file.Data.RemoveRange(first.HeaderOffset, secondEnd - first.HeaderOffset);
                file.Data.InsertRange(first.HeaderOffset, [.. secondBytes, .. between, .. firstBytes]);
                return $"'{first.Id}' and '{second.Id}' chunks swapped";
            case 3:
                var id = random.Next(3) == 0 ? RandomId(random) : file.Pick(knownIds);
                file.WriteAscii(chunk.HeaderOffset, id);
                return $"'{chunk.Id}' chunk renamed '{id}'";
            case 4:
                // A chunk whose size may lie (odd, beyond the file, zero) with a short or empty body.
                var newId = random.Next(2) == 0 ? file.Pick(knownIds) : RandomId(random);
                var bodyLength = random.Next(3) == 0 ? 0 : random.Next(1, 80);
                var declared = random.Next(2) == 0 ? (uint)bodyLength : file.U32((uint)bodyLength, file.Count - chunk.HeaderOffset);
                var header = new MutableBytes(new byte[8], random);
                header.WriteAscii(0, newId);
                if (bigEndian)
                {
                    header.WriteU32BE(4, declared);
                }
                else
                {
                    header.WriteU32LE(4, declared);
                }

                file.Data.InsertRange(chunk.HeaderOffset, [.. header.Data, .. file.RandomBytes(bodyLength)]);
                return $"'{newId}' chunk declaring {declared:N0} bytes ({bodyLength} present) inserted before '{chunk.Id}'";
            default:
                // The body of a tag or format chunk: interior sizes (LIST/INFO, ID3 frames, text) overwritten.
                if (chunk.Size < 4)
                {
                    return ByteMutations.Apply(file);
                }

                var offset = chunk.BodyOffset + random.Next((int)Math.Min(chunk.Size - 3, 1 << 20));
                var value = file.U32(0, chunk.Size);
                if (bigEndian)
                {
                    file.WriteU32BE(offset, value);
                }
                else
                {
                    file.WriteU32LE(offset, value);
                }

                return $"'{chunk.Id}' body word at {offset} = {value:N0}";
        }
    }

    private static string RandomId(Random random) =>
        new([.. Enumerable.Range(0, 4).Select(_ => (char)random.Next(0x20, 0x7F))]);
}
