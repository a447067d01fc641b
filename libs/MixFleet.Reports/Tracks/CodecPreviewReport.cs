using MixFleet.Analysis.Peaks;
using MixFleet.Audio.Ffmpeg;

namespace MixFleet.Reports.Tracks;

/// <summary>
/// One entry of the codec preview (docs/track-metrics.md, "Codec preview"): the track encoded to a lossy codec and decoded
/// again, its peaks measured as the track's own are. Either the measurement or <see cref="Error"/> is set.
/// </summary>
public sealed record CodecPreviewReport
{
    /// <summary>The codec: <c>aac</c>, <c>opus</c>.</summary>
    public required string Codec { get; init; }

    /// <summary>ffmpeg's encoder: <c>aac</c> (native), <c>libopus</c>.</summary>
    public required string Encoder { get; init; }

    /// <summary>Target bitrate, kb/s.</summary>
    public required int BitrateKbps { get; init; }

    /// <summary>Sample rate of the encoded and decoded stream, Hz (48000 for Opus whatever the source's); null on error.</summary>
    public int? SampleRate { get; init; }

    /// <summary>True peak of the decoded stream, dBTP (same method as the track's); null on error or digital silence.</summary>
    public double? TruePeakDbtp { get; init; }

    /// <summary>Sample peak of the decoded stream, dBFS.</summary>
    public double? SamplePeakDbfs { get; init; }

    /// <summary>The decoded true peak minus the source's, dB: what the encode added.</summary>
    public double? TruePeakRiseDb { get; init; }

    /// <summary>Inter-sample over events of the decoded stream over <see cref="OverCeilingDbtp"/> (runs of 10 ms segments per channel, as the track's <c>intersample-over</c> defects).</summary>
    public long? Overs { get; init; }

    /// <summary>The ceiling <see cref="Overs"/> are counted against, dBTP: the profile's.</summary>
    public double? OverCeilingDbtp { get; init; }

    /// <summary>Why this codec could not be previewed (e.g. <c>encoder-not-available</c>); null when it was.</summary>
    public ErrorReport? Error { get; init; }

    /// <summary>The entry of a measured preview.</summary>
    public static CodecPreviewReport From(LossyCodec codec, int sampleRate, PeakResult peaks, double? sourceTruePeakDbtp)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(peaks);
        var truePeak = Round(peaks.TruePeakDbtp);
        return new CodecPreviewReport
        {
            Codec = codec.Name,
            Encoder = codec.Encoder,
            BitrateKbps = codec.BitrateKbps,
            SampleRate = sampleRate,
            TruePeakDbtp = truePeak,
            SamplePeakDbfs = Round(peaks.SamplePeakDbfs),
            TruePeakRiseDb = truePeak is { } after && sourceTruePeakDbtp is { } before ? Round(after - before) : null,
            Overs = peaks.OverRuns.Count,
            OverCeilingDbtp = Round(peaks.OverCeilingDbtp),
        };
    }

    /// <summary>The entry of a codec that could not be previewed.</summary>
    public static CodecPreviewReport Failed(LossyCodec codec, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(codec);
        return new CodecPreviewReport
        {
            Codec = codec.Name,
            Encoder = codec.Encoder,
            BitrateKbps = codec.BitrateKbps,
            Error = new ErrorReport { Code = code, Message = message },
        };
    }

    // + 0.0 turns a rounded -0 into 0, so a report never shows "-0".
    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) + 0.0 : null;
}
