namespace MixFleet.Reports.Albums;

/// <summary>
/// The album's proposed fix: one gain for every track, so the balance between the tracks stays as mastered
/// (docs/album-report.md, "Proposed fix"). Each track's result under it is <see cref="AlbumTrackReport.AlbumFix"/>.
/// </summary>
public sealed record AlbumGainFix
{
    /// <summary><c>album</c> (album loudness to the target) or <c>loudest-track</c> (the loudest track to the target).</summary>
    public required string Mode { get; init; }

    /// <summary>The loudness the gain is computed from: the album's, or the loudest track's, LUFS.</summary>
    public required double ReferenceLufs { get; init; }

    /// <summary>The loudness the reference is brought to, LUFS.</summary>
    public required double TargetLufs { get; init; }

    /// <summary>The one gain for every track, dB.</summary>
    public required double GainDb { get; init; }

    /// <summary>Album loudness after the gain, LUFS.</summary>
    public double? ResultingLufs { get; init; }

    /// <summary>The album's highest true peak plus the gain, dBTP.</summary>
    public double? ResultingTruePeakDbtp { get; init; }

    /// <summary>At least one track's peak ends above the profile's ceiling.</summary>
    public required bool NeedsLimiting { get; init; }

    /// <summary>How many tracks would need a limiter under this gain.</summary>
    public required int TracksNeedingLimiting { get; init; }
}
