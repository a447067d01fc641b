namespace MixFleet.Reports.Tracks;

/// <summary>What one streaming service's loudness normalization would do to the track.</summary>
public sealed record StreamingReport
{
    /// <summary>Service name.</summary>
    public required string Platform { get; init; }

    /// <summary>Its target, LUFS.</summary>
    public double TargetLufs { get; init; }

    /// <summary>Whether it turns quiet tracks up.</summary>
    public bool TurnsUp { get; init; }

    /// <summary>Gain applied, dB.</summary>
    public double? GainDb { get; init; }

    /// <summary>The up-gain is capped by the true peak (-1 dBTP).</summary>
    public bool PeakLimited { get; init; }

    /// <summary>True peak after the gain, dBTP.</summary>
    public double? TruePeakAfterDbtp { get; init; }
}
