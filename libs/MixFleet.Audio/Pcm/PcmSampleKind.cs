namespace MixFleet.Audio.Pcm;

/// <summary>How one stored sample is encoded (byte order is kept separately).</summary>
internal enum PcmSampleKind
{
    /// <summary>8-bit unsigned, offset binary (WAV).</summary>
    U8,

    /// <summary>8-bit signed two's complement (AIFF).</summary>
    S8,

    /// <summary>16-bit signed integer.</summary>
    S16,

    /// <summary>24-bit signed integer, packed in 3 bytes.</summary>
    S24,

    /// <summary>32-bit signed integer.</summary>
    S32,

    /// <summary>IEEE 754 single.</summary>
    F32,

    /// <summary>IEEE 754 double.</summary>
    F64,
}
