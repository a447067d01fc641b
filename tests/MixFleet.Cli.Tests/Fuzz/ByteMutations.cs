namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>
/// Mutations that know nothing of the container: bit flips, overwritten runs, truncation, removed, duplicated and
/// inserted ranges, a leading ID3v2 tag (which the decoder routing looks past), trailing garbage.
/// </summary>
internal static class ByteMutations
{
    public static string Apply(MutableBytes file)
    {
        var random = file.Random;
        if (file.Count == 0)
        {
            file.Data.AddRange(file.RandomBytes(1 + random.Next(64)));
            return "random bytes into an empty file";
        }

        var at = file.Position();
        switch (random.Next(10))
        {
            case 0:
            case 1:
                var flips = 1 + random.Next(16);
                for (var i = 0; i < flips; i++)
                {
                    var p = file.Position();
                    file.Data[p] ^= (byte)(1 << random.Next(8));
                }

                return $"{flips} bit flip(s)";
            case 2:
                var length = Math.Min(file.Count - at, 1 + random.Next(64));
                var fill = random.Next(3);
                for (var i = at; i < at + length; i++)
                {
                    file.Data[i] = fill switch { 0 => 0, 1 => 0xFF, _ => (byte)random.Next(256) };
                }

                return $"{length} bytes at {at} overwritten with {(fill switch { 0 => "0x00", 1 => "0xFF", _ => "noise" })}";
            case 3:
            case 4:
                file.Data.RemoveRange(at, file.Count - at);
                return $"truncated to {at} bytes";
            case 5:
                var removed = Math.Min(file.Count - at, 1 + random.Next(random.Next(2) == 0 ? 16 : 4096));
                file.Data.RemoveRange(at, removed);
                return $"{removed} bytes removed at {at}";
            case 6:
                var copyLength = Math.Min(file.Count - at, 1 + random.Next(2048));
                var copy = file.Slice(at, copyLength);
                var to = random.Next(file.Count + 1);
                file.Data.InsertRange(to, copy);
                return $"{copyLength} bytes from {at} duplicated at {to}";
            case 7:
                var inserted = 1 + random.Next(64);
                file.Data.InsertRange(at, file.RandomBytes(inserted));
                return $"{inserted} random bytes inserted at {at}";
            case 8:
                // ID3v2 header: "ID3", version, flags (footer bit sometimes), a syncsafe size that may lie.
                // Whole tags up to 16 KiB; larger sizes lie, with at most 64 bytes of the tag present.
                var size = random.Next(4) switch { 0 => 0, 1 => random.Next(64), 2 => random.Next(1 << 14), _ => random.Next(1 << 28) };
                var bodyLength = size < 1 << 14 ? size : random.Next(64);
                byte[] tag =
                [
                    (byte)'I', (byte)'D', (byte)'3', 4, 0, (byte)(random.Next(4) == 0 ? 0x10 : 0),
                    (byte)((size >> 21) & 0x7F), (byte)((size >> 14) & 0x7F), (byte)((size >> 7) & 0x7F), (byte)(size & 0x7F),
                    .. file.RandomBytes(bodyLength),
                ];
                file.Data.InsertRange(0, tag);
                return $"ID3v2 tag declaring {size:N0} bytes ({bodyLength:N0} present) prepended";
            default:
                var garbage = 1 + random.Next(4096);
                file.Data.AddRange(file.RandomBytes(garbage));
                return $"{garbage} random bytes appended";
        }
    }
}
