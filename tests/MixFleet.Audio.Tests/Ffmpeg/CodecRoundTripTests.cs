using MixFleet.Audio.Ffmpeg;
using MixFleet.Testing;

namespace MixFleet.Audio.Tests.Ffmpeg;

/// <summary>The codec preview's encode → decode chain through the real ffmpeg: lengths, rates, and the encoder listing.</summary>
public sealed class CodecRoundTripTests
{
    private const int Rate = 44_100;

    [Fact]
    public void Aac_DecodesTheSourceLength_PlusThePrimingAndAtMostOneBlockOfPadding()
    {
        var frames = ReadAll(LossyCodecs.Aac256, out var info);

        // ADTS carries no edit list: 1024 frames of priming, then the padding to whole 1024-frame blocks (plus one flush block).
        Assert.Equal((Rate, 2, "aac"), (info.SampleRate, info.Channels, info.Codec));
        Assert.InRange(frames - (2 * Rate), 1024, 1024 + 2048);
    }

    [Fact]
    public void Opus_DecodesAt48kHz_TheSourceDurationExactly()
    {
        var frames = ReadAll(LossyCodecs.Opus160, out var info);

        // Ogg Opus states its pre-skip and its final granule position: the decode drops both paddings.
        Assert.Equal(48_000, info.SampleRate);
        Assert.Equal(2 * 48_000, frames);
    }

    [Fact]
    public void EncoderListing_IsParsedAfterTheDashedLine()
    {
        const string listing = """
            Encoders:
             A..... = Audio
             ------
             A..... aac                  AAC (Advanced Audio Coding)
             A..X.. opus                 Opus
             A..... libopus              libopus Opus (codec opus)
            """;

        Assert.Equal(["aac", "libopus", "opus"], FfmpegEncoders.Parse(listing).Order(StringComparer.Ordinal));
    }

    private static long ReadAll(LossyCodec codec, out AudioStreamInfo info)
    {
        var x = new float[2 * Rate];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (float)(0.5 * Math.Sin(2 * Math.PI * 997 * i / Rate));
        }

        using var reader = CodecRoundTrip.Open(new ArrayAudioReader([x, (float[])x.Clone()], Rate), codec, new FfmpegOptions(), "sine");
        info = reader.Info;
        var buffer = new AudioBuffer(2, 4096);
        long frames = 0;
        int n;
        while ((n = reader.Read(buffer)) > 0)
        {
            frames += n;
        }

        return frames;
    }
}
