namespace MixFleet.Reports.Albums;

/// <summary>An album's loudness: gated over the pooled blocks of all its tracks, plus ReplayGain 2.0 album gain.</summary>
public sealed record AlbumLoudnessReport
{
    /// <summary>ReplayGain 2.0 reference loudness, LUFS.</summary>
    public const double ReplayGainReferenceLufs = -18.0;

    /// <summary>Album integrated loudness (BS.1770-4 over all tracks' blocks), LUFS.</summary>
    public double? IntegratedLufs { get; init; }

    /// <summary>Album loudness range (EBU Tech 3342 over all tracks' short-term values), LU.</summary>
    public double? LoudnessRangeLu { get; init; }

    /// <summary>Highest true peak of the album, dBTP.</summary>
    public double? TruePeakDbtp { get; init; }

    /// <summary>Highest sample peak of the album, dBFS.</summary>
    public double? SamplePeakDbfs { get; init; }

    /// <summary>Loudest minus quietest track integrated loudness, LU.</summary>
    public double? SpreadLu { get; init; }

    /// <summary>ReplayGain 2.0 album gain: -18 LUFS minus the album loudness, dB.</summary>
    public double? AlbumGainDb { get; init; }

    /// <summary>ReplayGain album peak: the highest true peak as a linear amplitude (1.0 = full scale).</summary>
    public double? AlbumPeak { get; init; }
}
