using MixFleet.Analysis.Edges;

namespace MixFleet.Reports.Tracks;

/// <summary>How the track begins and ends (docs/track-metrics.md, "edges"): fades and body loudness, for album sequencing.</summary>
public sealed record EdgesReport
{
    /// <summary>First audible 3 s, LUFS.</summary>
    public double? IntroLufs { get; init; }

    /// <summary>Body loudness after the fade-in (the first audible 3 s when none), LUFS.</summary>
    public double? IntroBodyLufs { get; init; }

    /// <summary>Fade-in length, seconds (0: none).</summary>
    public double FadeInSeconds { get; init; }

    /// <summary>Last audible 3 s, LUFS.</summary>
    public double? OutroLufs { get; init; }

    /// <summary>Body loudness before the fade-out or tail (the last audible 3 s when none), LUFS.</summary>
    public double? OutroBodyLufs { get; init; }

    /// <summary>Fade-out length, seconds (0: none).</summary>
    public double FadeOutSeconds { get; init; }

    /// <summary>The report of measured edges (dB to 0.01, seconds to 0.1); null when not measured.</summary>
    public static EdgesReport? From(TrackEdges? edges) => edges is null ? null : new()
    {
        IntroLufs = Round(edges.IntroLufs, 2),
        IntroBodyLufs = Round(edges.IntroBodyLufs, 2),
        FadeInSeconds = Math.Round(edges.FadeInSeconds, 1),
        OutroLufs = Round(edges.OutroLufs, 2),
        OutroBodyLufs = Round(edges.OutroBodyLufs, 2),
        FadeOutSeconds = Math.Round(edges.FadeOutSeconds, 1),
    };

    // + 0.0 turns a rounded -0 into 0, so a report never shows "-0".
    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) + 0.0 : null;
}
