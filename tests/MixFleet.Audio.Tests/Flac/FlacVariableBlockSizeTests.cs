namespace MixFleet.Audio.Tests.Flac;

/// <summary>
/// Variable block sizes. ffmpeg's FLAC encoder (5.1) writes fixed-block-size streams only, so the stream is built
/// here: three consecutive stretches of a demo track are encoded by ffmpeg with block sizes 4096, 1152 and 576, and
/// their frames are joined with headers rewritten to the variable-block-size form (RFC 9639 §9.1: blocking strategy
/// bit set, coded sample number instead of frame number), CRCs and STREAMINFO recomputed. ffmpeg decodes the result
/// too, and both decodes must equal ffmpeg's decode of the three pieces.
/// </summary>
public sealed class FlacVariableBlockSizeTests : IDisposable
{
    private readonly FlacTestMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Theory]
    [InlineData(16)]
    [InlineData(24)]
    public void Decode_VariableBlockSizeStream_MatchesFfmpegAndThePieces(int bits)
    {
        (int Start, int End, int Block)[] pieces = [(0, 50_000, 4096), (50_000, 120_000, 1152), (120_000, 200_001, 576)];
        var frames = new List<byte[]>();
        var expected = new List<float[][]>();
        byte[]? head = null;
        long sample = 0;
        foreach (var (start, end, block) in pieces)
        {
            var path = _media.Encode(
                $"piece-{bits}-{start}.flac",
                FlacTestMedia.Stereo16Loud,
                "-af", $"atrim=start_sample={start}:end_sample={end}", "-sample_fmt", bits == 16 ? "s16" : "s32", "-frame_size", $"{block}", "-compression_level", "5");
            expected.Add(FlacTestMedia.ReferenceDecode(path, 2));
            var parts = FlacFileParts.Parse(File.ReadAllBytes(path));
            head ??= parts.Head;
            var remaining = end - start;
            foreach (var frame in parts.Frames)
            {
                frames.Add(FlacFileParts.AsVariableBlockSize(frame, sample));
                var size = Math.Min(block, remaining);
                sample += size;
                remaining -= size;
            }
        }

        var joined = Enumerable.Range(0, 2).Select(c => expected.SelectMany(p => p[c]).ToArray()).ToArray();
        var integers = joined.Select(ch => ch.Select(v => (int)Math.Round(v * (1 << (bits - 1)))).ToArray()).ToArray();
        FlacFileParts.SetStreamInfo(head!, 576, 4096, sample, FlacFileParts.Md5(integers, bits));
        var file = _media.PathOf($"variable-{bits}.flac");
        File.WriteAllBytes(file, [.. head!, .. frames.SelectMany(f => f)]);

        var (info, decoded) = FlacTestMedia.Decode(file, blockFrames: 3000);

        Assert.Equal(200_001, sample);
        Assert.Equal(200_001, info.TotalFrames);
        FlacDecoderFormatTests.AssertSamplesEqual(joined, FlacTestMedia.ReferenceDecode(file, 2));
        FlacDecoderFormatTests.AssertSamplesEqual(joined, decoded);
    }
}
