namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>
/// Header-aware mutations of FLAC: STREAMINFO fields (block and frame sizes, sample rate, channels, bits per sample,
/// total samples, MD5), metadata block headers (type, length, last flag), frame header fields (blocking strategy,
/// block size, rate, channel assignment, sample size, frame number) and subframe bytes — re-sealed with valid
/// CRC-8/CRC-16 so they reach the subframe, residual and predictor decoding — and whole frames removed, duplicated,
/// swapped or cut.
/// </summary>
internal static class FlacMutations
{
    private static readonly (string Name, int Bit, int Bits)[] StreamInfoFields =
    [
        ("min block size", 0, 16), ("max block size", 16, 16), ("min frame size", 32, 24), ("max frame size", 56, 24),
        ("sample rate", 80, 20), ("channels - 1", 100, 3), ("bits per sample - 1", 103, 5), ("total samples", 108, 36),
        ("MD5", 144, 64),
    ];

    private static readonly (string Name, int Bit, int Bits)[] FrameHeaderFields =
    [
        ("blocking strategy", 15, 1), ("block size code", 16, 4), ("sample rate code", 20, 4),
        ("channel assignment", 24, 4), ("sample size code", 28, 3), ("reserved bit", 31, 1), ("frame number", 32, 8),
    ];

    public static string Apply(MutableBytes file)
    {
        var random = file.Random;
        var layout = FlacLayout.Read(file);
        var frames = layout.Frames;
        switch (random.Next(8))
        {
            case 0 when layout.Blocks is [(0, var header, _), ..]:
                var (name, bit, bits) = file.Pick(StreamInfoFields);
                var current = file.ReadBits(header + 4, bit, bits);
                var max = (1UL << bits) - 1;
                var value = random.Next(4) switch
                {
                    0 => 0UL,
                    1 => max,
                    2 => (current + (ulong)random.Next(-3, 4)) & max,
                    _ => (ulong)random.NextInt64() & max,
                };
                file.WriteBits(header + 4, bit, bits, value);
                return $"STREAMINFO {name} = {value:N0}";
            case 1 when layout.Blocks.Count > 0:
                var block = file.Pick(layout.Blocks);
                switch (random.Next(3))
                {
                    case 0:
                        var type = file.Pick([0, 1, 2, 3, 4, 5, 6, 7, 126, 127]);
                        file.WriteBits(block.HeaderOffset, 1, 7, (ulong)type);
                        return $"metadata block {block.Type} type = {type}";
                    case 1:
                        var length = file.Pick([0, 1, 33, 35, block.Length - 1, block.Length + 1, 0xFFFFFF, random.Next(1 << 24)]);
                        file.WriteBits(block.HeaderOffset, 8, 24, (ulong)(length & 0xFFFFFF));
                        return $"metadata block {block.Type} length = {length & 0xFFFFFF:N0}";
                    default:
                        file.Data[block.HeaderOffset] ^= 0x80;
                        return $"metadata block {block.Type} last flag toggled";
                }

            case 2 or 3 when frames.Count > 0:
                var frame = file.Pick(frames);
                var field = file.Pick(FrameHeaderFields);
                var fieldValue = (ulong)random.Next(1 << field.Bits);
                file.WriteBits(frame.Start, field.Bit, field.Bits, fieldValue);
                var headerLength = FlacLayout.ImpliedHeaderLength(file, frame.Start) ?? frame.HeaderLength;
                if (random.Next(5) != 0)
                {
                    FlacLayout.Seal(file, frame.Start, headerLength, frame.End);
                    return $"frame at {frame.Start}: {field.Name} = {fieldValue} (CRCs re-sealed)";
                }

                return $"frame at {frame.Start}: {field.Name} = {fieldValue}";
            case 4 or 5 when frames.Count > 0:
                return Subframe(file, file.Pick(frames));
            case 6 or 7 when frames.Count > 1:
                return Frames(file, frames);
            default:
                return ByteMutations.Apply(file);
        }
    }

    private static string Subframe(MutableBytes file, (int Start, int HeaderLength, int End) frame)
    {
        var random = file.Random;
        var body = frame.Start + frame.HeaderLength;
        var bodyLength = frame.End - 2 - body;
        if (bodyLength < 2)
        {
            return ByteMutations.Apply(file);
        }

        string what;
        switch (random.Next(4))
        {
            case 0:
                // Subframe header: zero pad, 6-bit type (constant, verbatim, fixed 0–4, LPC 1–32, reserved), wasted-bits flag.
                var type = random.Next(2) == 0 ? file.Pick([0, 1, 2, 7, 8, 12, 13, 16, 31, 32, 39, 40, 63]) : random.Next(64);
                var wasted = random.Next(4) == 0 ? 1 : 0;
                file.Data[body] = (byte)((type << 1) | wasted);
                what = $"first subframe type = {type}{(wasted == 1 ? " with wasted bits" : string.Empty)}";
                break;
            case 1:
                var flips = 1 + random.Next(8);
                for (var i = 0; i < flips; i++)
                {
                    file.Data[body + random.Next(Math.Min(bodyLength, random.Next(2) == 0 ? 32 : bodyLength))] ^= (byte)(1 << random.Next(8));
                }

                what = $"{flips} bit flip(s) in the subframes";
                break;
            case 2:
                var at = body + random.Next(Math.Min(bodyLength, 64));
                var run = Math.Min(body + bodyLength - at, 1 + random.Next(16));
                var fill = (byte)file.Pick([0x00, 0xFF, random.Next(256)]);
                for (var i = at; i < at + run; i++)
                {
                    file.Data[i] = fill;
                }

                what = $"{run} subframe bytes at {at} = 0x{fill:X2}";
                break;
            default:
                var noise = Math.Min(bodyLength, 1 + random.Next(bodyLength));
                var from = body + random.Next(bodyLength - noise + 1);
                for (var i = from; i < from + noise; i++)
                {
                    file.Data[i] = (byte)random.Next(256);
                }

                what = $"{noise} subframe bytes at {from} replaced with noise";
                break;
        }

        FlacLayout.Seal(file, frame.Start, frame.HeaderLength, frame.End);
        return $"frame at {frame.Start}: {what} (CRC-16 re-sealed)";
    }

    private static string Frames(MutableBytes file, List<(int Start, int HeaderLength, int End)> frames)
    {
        var random = file.Random;
        var frame = file.Pick(frames);
        switch (random.Next(5))
        {
            case 0:
                file.Data.RemoveRange(frame.Start, frame.End - frame.Start);
                return $"frame at {frame.Start} removed";
            case 1:
                var copy = file.Slice(frame.Start, frame.End - frame.Start);
                var to = file.Pick(frames).Start;
                file.Data.InsertRange(to, copy);
                return $"frame at {frame.Start} duplicated at {to}";
            case 2:
                var last = frames[^1];
                var bytes = file.Slice(last.Start, last.End - last.Start);
                file.Data.RemoveRange(last.Start, last.End - last.Start);
                file.Data.InsertRange(frame.Start, bytes);
                return $"last frame moved to {frame.Start}";
            case 3:
                var cut = frame.Start + random.Next(frame.End - frame.Start);
                file.Data.RemoveRange(cut, file.Count - cut);
                return $"truncated at {cut}, inside the frame at {frame.Start}";
            default:
                var garbage = file.RandomBytes(1 + random.Next(32));
                file.Data.InsertRange(frame.Start, garbage);
                return $"{garbage.Length} random bytes before the frame at {frame.Start}";
        }
    }
}
