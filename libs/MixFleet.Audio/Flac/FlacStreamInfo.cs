namespace MixFleet.Audio.Flac;

/// <summary>The STREAMINFO metadata block (RFC 9639 §8.2): the stream's fixed properties.</summary>
internal sealed record FlacStreamInfo
{
    /// <summary>Length of the block's body in bytes.</summary>
    public const int Length = 34;

    public required int MinBlockSize { get; init; }

    public required int MaxBlockSize { get; init; }

    /// <summary>Largest frame in bytes, 0 when unknown.</summary>
    public required int MaxFrameSize { get; init; }

    public required int SampleRate { get; init; }

    public required int Channels { get; init; }

    public required int BitsPerSample { get; init; }

    /// <summary>Samples per channel, 0 when unknown.</summary>
    public required long TotalSamples { get; init; }

    /// <summary>MD5 of the decoded audio (RFC 9639 §8.2), all zeros when the encoder did not compute it.</summary>
    public required byte[] Md5 { get; init; }

    public bool HasMd5 => Md5.AsSpan().ContainsAnyExcept((byte)0);

    /// <summary>Parses and validates the 34-byte body.</summary>
    public static FlacStreamInfo Parse(ReadOnlySpan<byte> body, string name)
    {
        var minBlock = (body[0] << 8) | body[1];
        var maxBlock = (body[2] << 8) | body[3];
        var maxFrame = (body[7] << 16) | (body[8] << 8) | body[9];
        var rate = (body[10] << 12) | (body[11] << 4) | (body[12] >> 4);
        var channels = ((body[12] >> 1) & 7) + 1;
        var bits = (((body[12] & 1) << 4) | (body[13] >> 4)) + 1;
        var total = ((long)(body[13] & 0x0F) << 32) | ((long)body[14] << 24) | ((long)body[15] << 16) | ((long)body[16] << 8) | body[17];
        if (rate is < AudioLimits.MinSampleRate or > AudioLimits.MaxSampleRate)
        {
            throw AudioError.Create(
                AudioErrorCode.InvalidHeader,
                name,
                $"STREAMINFO states a sample rate of {rate:N0} Hz, outside {AudioLimits.MinSampleRate:N0}–{AudioLimits.MaxSampleRate:N0} Hz");
        }

        if (bits < 4)
        {
            throw AudioError.Create(AudioErrorCode.InvalidHeader, name, $"STREAMINFO states {bits} bits per sample; FLAC needs 4 to 32");
        }

        if (maxBlock < minBlock && maxBlock != 0)
        {
            throw AudioError.Create(
                AudioErrorCode.InvalidHeader,
                name,
                $"STREAMINFO states a maximum block size of {maxBlock} below the minimum of {minBlock}");
        }

        return new FlacStreamInfo
        {
            MinBlockSize = minBlock,
            MaxBlockSize = maxBlock,
            MaxFrameSize = maxFrame,
            SampleRate = rate,
            Channels = channels,
            BitsPerSample = bits,
            TotalSamples = total,
            Md5 = body.Slice(18, 16).ToArray(),
        };
    }
}
