namespace MixFleet.Audio;

/// <summary>
/// Loudspeaker position of a channel, in the order of the WAVE_FORMAT_EXTENSIBLE channel mask bits
/// (bit n of the mask is the speaker with value n).
/// </summary>
public enum Speaker
{
    FrontLeft = 0,
    FrontRight = 1,
    FrontCenter = 2,
    LowFrequency = 3,
    BackLeft = 4,
    BackRight = 5,
    FrontLeftOfCenter = 6,
    FrontRightOfCenter = 7,
    BackCenter = 8,
    SideLeft = 9,
    SideRight = 10,
    TopCenter = 11,
    TopFrontLeft = 12,
    TopFrontCenter = 13,
    TopFrontRight = 14,
    TopBackLeft = 15,
    TopBackCenter = 16,
    TopBackRight = 17,

    /// <summary>A channel whose position is not stated.</summary>
    Unknown = 31,
}
