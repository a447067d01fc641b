namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>A chunk of a RIFF or AIFF file as laid out now: its header offset, body offset and (declared) body size.</summary>
internal sealed record Chunk(string Id, int HeaderOffset, int BodyOffset, long Size)
{
    /// <summary>Where the chunk ends in the file, pad byte included, clipped to the file.</summary>
    public int End(int fileLength) => (int)Math.Min(fileLength, BodyOffset + Size + (Size & 1));

    /// <summary>Walks the chunks after a 12-byte RIFF/RF64/BW64 or FORM header, stopping at the first one that leaves the file.</summary>
    public static List<Chunk> Walk(MutableBytes file, bool bigEndian)
    {
        var chunks = new List<Chunk>();
        var position = 12;
        while (file.Fits(position, 8) && chunks.Count < 64)
        {
            var id = file.ReadAscii(position, 4);
            long size = bigEndian ? file.ReadU32BE(position + 4) : file.ReadU32LE(position + 4);
            if (!bigEndian && id == "data" && size == uint.MaxValue)
            {
                size = file.Count - position - 8; // RF64: the size is in ds64
            }

            chunks.Add(new Chunk(id, position, position + 8, size));
            var next = position + 8 + size + (size & 1);
            if (next > file.Count)
            {
                break;
            }

            position = (int)next;
        }

        return chunks;
    }
}
