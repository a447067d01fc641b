namespace MixFleet.Audio;

/// <summary>
/// Bounds a header must respect before anything is allocated from it. A header outside them raises
/// <see cref="AudioErrorCode.InvalidHeader"/>.
/// </summary>
public static class AudioLimits
{
    /// <summary>Lowest sample rate accepted (the K-weighting is defined from 8 kHz).</summary>
    public const int MinSampleRate = 8_000;

    /// <summary>Highest sample rate accepted.</summary>
    public const int MaxSampleRate = 384_000;

    /// <summary>Most channels accepted (beyond every production layout, 22.2 included).</summary>
    public const int MaxChannels = 32;

    /// <summary>
    /// Largest magnitude a decoded floating-point sample may have: 32,768 (+90.3 dBFS), which still admits float
    /// files written on the 16-bit integer scale by mistake, overs of any real master, and keeps every measurement
    /// finite. Beyond it, or NaN or infinite, a sample raises <see cref="AudioErrorCode.SampleOutOfRange"/>.
    /// </summary>
    public const float MaxFloatSample = 32_768f;
}
