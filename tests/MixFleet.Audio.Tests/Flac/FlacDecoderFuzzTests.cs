namespace MixFleet.Audio.Tests.Flac;

/// <summary>
/// Seeded mutation fuzzing of real FLAC files (deterministic): flipped bits, overwritten runs, inserted and deleted
/// bytes, truncations. Whatever the damage, only <see cref="AudioDecodeException"/> may escape, naming the file.
/// </summary>
public sealed class FlacDecoderFuzzTests : IDisposable
{
    private const string Name = "fuzzed.flac";
    private readonly FlacTestMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Theory]
    [InlineData(FlacTestMedia.Stereo16Loud, "s16", "5", 1601)]
    [InlineData(FlacTestMedia.Mono24, "s32", "8", 1602)]
    [InlineData(FlacTestMedia.Stereo16, "s32", "0", 1603)]
    public void Decode_MutatedFiles_OnlyEverThrowAudioDecodeException(string source, string format, string level, int seed)
    {
        var original = File.ReadAllBytes(_media.Encode($"fuzz-{seed}.flac", source, "-t", "0.4", "-sample_fmt", format, "-compression_level", level, "-frame_size", "1024"));
        var random = new Random(seed);
        var codes = new HashSet<AudioErrorCode>();
        for (var i = 0; i < 300; i++)
        {
            var file = Mutate(original, random);
            try
            {
                using var reader = new FlacDecoder().Open(new Support.TrickleStream(file, seekable: false, maxPerRead: i % 3 == 0 ? 5 : int.MaxValue), Name);
                Ffmpeg.FfmpegTestMedia.ReadAll(reader, 1 + random.Next(5000));
            }
            catch (AudioDecodeException ex)
            {
                Assert.StartsWith(Name + ": ", ex.Message, StringComparison.Ordinal);
                codes.Add(ex.Code);
            }
        }

        Assert.Superset(new HashSet<AudioErrorCode> { AudioErrorCode.FrameCrcMismatch, AudioErrorCode.Truncated }, codes);
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var file = original.ToList();
        var edits = 1 + random.Next(4);
        for (var e = 0; e < edits && file.Count > 1; e++)
        {
            var at = random.Next(file.Count);
            switch (random.Next(5))
            {
                case 0:
                    file[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    for (var j = at; j < Math.Min(file.Count, at + random.Next(1, 40)); j++)
                    {
                        file[j] = (byte)random.Next(256);
                    }

                    break;
                case 2:
                    file.InsertRange(at, Enumerable.Range(0, random.Next(1, 20)).Select(_ => (byte)random.Next(256)));
                    break;
                case 3:
                    file.RemoveRange(at, Math.Min(file.Count - at, random.Next(1, 20)));
                    break;
                default:
                    file.RemoveRange(at, file.Count - at);
                    break;
            }
        }

        return file.ToArray();
    }
}
