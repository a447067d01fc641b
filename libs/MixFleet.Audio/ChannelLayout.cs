namespace MixFleet.Audio;

/// <summary>The speaker of each channel, in channel order.</summary>
public sealed record ChannelLayout
{
    /// <summary>Creates a layout from the speakers in channel order.</summary>
    public ChannelLayout(IReadOnlyList<Speaker> speakers)
    {
        ArgumentNullException.ThrowIfNull(speakers);
        Speakers = speakers;
    }

    /// <summary>The speaker of each channel.</summary>
    public IReadOnlyList<Speaker> Speakers { get; }

    /// <summary>Two layouts are equal when they name the same speakers in the same order.</summary>
    public bool Equals(ChannelLayout? other) => other is not null && Speakers.SequenceEqual(other.Speakers);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var speaker in Speakers)
        {
            hash.Add(speaker);
        }

        return hash.ToHashCode();
    }

    /// <summary>A short name: <c>mono</c>, <c>stereo</c>, <c>5.1</c>, or the channel count.</summary>
    public string Name => Speakers.Count switch
    {
        1 => "mono",
        2 when Speakers[0] == Speaker.FrontLeft && Speakers[1] == Speaker.FrontRight => "stereo",
        6 when Speakers.Contains(Speaker.LowFrequency) => "5.1",
        8 when Speakers.Contains(Speaker.LowFrequency) => "7.1",
        _ => $"{Speakers.Count} channels",
    };

    /// <summary>
    /// The conventional layout for a channel count when the file states none: mono, stereo, then the
    /// WAVE/SMPTE order L R C LFE Ls Rs (5.1) and L R C LFE Lb Rb Ls Rs (7.1).
    /// </summary>
    public static ChannelLayout Default(int channels) => channels switch
    {
        1 => new([Speaker.FrontCenter]),
        2 => new([Speaker.FrontLeft, Speaker.FrontRight]),
        3 => new([Speaker.FrontLeft, Speaker.FrontRight, Speaker.FrontCenter]),
        4 => new([Speaker.FrontLeft, Speaker.FrontRight, Speaker.BackLeft, Speaker.BackRight]),
        5 => new([Speaker.FrontLeft, Speaker.FrontRight, Speaker.FrontCenter, Speaker.BackLeft, Speaker.BackRight]),
        6 => new([Speaker.FrontLeft, Speaker.FrontRight, Speaker.FrontCenter, Speaker.LowFrequency, Speaker.BackLeft, Speaker.BackRight]),
        8 => new([Speaker.FrontLeft, Speaker.FrontRight, Speaker.FrontCenter, Speaker.LowFrequency, Speaker.BackLeft, Speaker.BackRight, Speaker.SideLeft, Speaker.SideRight]),
        _ => new(Enumerable.Repeat(Speaker.Unknown, channels).ToArray()),
    };

    /// <summary>
    /// The layout a WAVE_FORMAT_EXTENSIBLE channel mask describes: set bits in ascending order, one per
    /// channel. Falls back to <see cref="Default"/> when the mask is zero or names a different channel count.
    /// </summary>
    public static ChannelLayout FromWaveMask(uint mask, int channels)
    {
        var speakers = new List<Speaker>(channels);
        for (var bit = 0; bit < 18 && speakers.Count < channels; bit++)
        {
            if ((mask & (1u << bit)) != 0)
            {
                speakers.Add((Speaker)bit);
            }
        }

        return speakers.Count == channels ? new ChannelLayout(speakers) : Default(channels);
    }
}
