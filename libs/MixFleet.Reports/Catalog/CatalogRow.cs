using MixFleet.Reports.Qc;

namespace MixFleet.Reports.Catalog;

/// <summary>One row of the catalog: an album or a track, with its worst verdict and the reasons.</summary>
public sealed record CatalogRow
{
    /// <summary><c>album</c> or <c>track</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The album key.</summary>
    public required string Album { get; init; }

    /// <summary>The album key for an album row, the file for a track row.</summary>
    public required string Path { get; init; }

    /// <summary>Track label (<c>3</c>, <c>2-03</c>, <c>B1</c>); empty for album rows.</summary>
    public required string Number { get; init; }

    /// <summary>Worst verdict (for an album: of the album and its tracks).</summary>
    public required VerdictStatus Status { get; init; }

    /// <summary>Failed rules.</summary>
    public required int Fails { get; init; }

    /// <summary>Warned rules.</summary>
    public required int Warns { get; init; }

    /// <summary>Integrated loudness (album loudness for an album row), LUFS.</summary>
    public double? IntegratedLufs { get; init; }

    /// <summary>Loudness range, LU.</summary>
    public double? LoudnessRangeLu { get; init; }

    /// <summary>True peak, dBTP.</summary>
    public double? TruePeakDbtp { get; init; }

    /// <summary>Track minus album loudness, LU (track rows).</summary>
    public double? DeviationLu { get; init; }

    /// <summary>Duration (running time for an album row), seconds.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Proposed gain to the profile's target, dB (the album's one gain on an album row); null without a loudness rule.</summary>
    public double? FixGainDb { get; init; }

    /// <summary>True peak after that gain, dBTP.</summary>
    public double? FixTruePeakDbtp { get; init; }

    /// <summary>That gain needs a limiter to stay under the profile's ceiling.</summary>
    public bool? NeedsLimiting { get; init; }

    /// <summary>Defects found (an album row: of all its tracks); null when not measured.</summary>
    public long? Defects { get; init; }

    /// <summary>The defects by kind, e.g. <c>click×3 dropout×1</c>; empty when none.</summary>
    public string DefectKinds { get; init; } = string.Empty;

    /// <summary>The highest true peak after the codec preview's encodes (an album row: of all its tracks), dBTP; null when not run.</summary>
    public double? CodecTruePeakDbtp { get; init; }

    /// <summary>Inter-sample over events after the encodes, summed over the codecs (and an album's tracks); null when not run.</summary>
    public long? CodecOvers { get; init; }

    /// <summary>The reasons of the failed, then warned, rules, separated by "; ".</summary>
    public required string Reasons { get; init; }
}
