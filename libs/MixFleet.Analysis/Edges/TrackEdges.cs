namespace MixFleet.Analysis.Edges;

/// <summary>
/// How a track begins and ends, read off its short-term loudness envelope (<see cref="EdgeDetector"/>): the level of
/// the first and last audible 3 s, whether the track fades in or out (or rings out into a tail), and the loudness of
/// its <em>body</em> right after the fade-in and right before the fade-out: the level a listener hears across a join.
/// </summary>
public sealed record TrackEdges
{
    /// <summary>Short-term loudness of the first 3 s window inside the audible extent, LUFS; null when the audible extent is shorter than 3 s.</summary>
    public double? IntroLufs { get; init; }

    /// <summary>Body loudness after the fade-in (the first audible 3 s when there is none), LUFS; null when not measurable.</summary>
    public double? IntroBodyLufs { get; init; }

    /// <summary>Length of the fade-in, seconds; 0 when the track does not fade in.</summary>
    public double FadeInSeconds { get; init; }

    /// <summary>Short-term loudness of the last 3 s window inside the audible extent, LUFS; null when the audible extent is shorter than 3 s.</summary>
    public double? OutroLufs { get; init; }

    /// <summary>Body loudness before the fade-out or tail (the last audible 3 s when there is none), LUFS; null when not measurable.</summary>
    public double? OutroBodyLufs { get; init; }

    /// <summary>Length of the fade-out or tail, seconds; 0 when the track does not fade out.</summary>
    public double FadeOutSeconds { get; init; }
}
