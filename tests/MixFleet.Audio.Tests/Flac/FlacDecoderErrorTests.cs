namespace MixFleet.Audio.Tests.Flac;

/// <summary>
/// Every error the FLAC decoder raises, each provoked on a real ffmpeg-encoded file damaged in one precise way
/// (docs/flac-decoder.md lists the codes). Each asserts the code and that the message names the file.
/// </summary>
public sealed class FlacDecoderErrorTests : IDisposable
{
    private const string Name = "s3://bucket/album/track.flac";
    private readonly FlacTestMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public void Read_HeaderCrc8Damaged_IsHeaderCrcMismatch()
    {
        var parts = Parts();
        var frame = parts.Frames[2];
        frame[FlacFileParts.HeaderLength(frame, 0) - 1] ^= 0x5A;

        AssertFails(parts.ToBytes(), AudioErrorCode.HeaderCrcMismatch, "CRC-8");
    }

    [Fact]
    public void Read_HeaderFieldDamaged_IsHeaderCrcMismatch()
    {
        // The block size / sample rate byte: the CRC-8 is checked before any field is trusted.
        var parts = Parts();
        parts.Frames[1][2] ^= 0x01;

        AssertFails(parts.ToBytes(), AudioErrorCode.HeaderCrcMismatch, "CRC-8");
    }

    [Fact]
    public void Read_StoredCrc16Damaged_IsFrameCrcMismatch()
    {
        var parts = Parts();
        parts.Frames[3][^1] ^= 0x01;

        AssertFails(parts.ToBytes(), AudioErrorCode.FrameCrcMismatch, "CRC-16");
    }

    [Fact]
    public void Read_AudioBitFlippedBeforeTheCrc_IsFrameCrcMismatch()
    {
        // The last data byte before the CRC-16: residual low bits or byte padding; decoding goes through, the CRC does not.
        var parts = Parts();
        parts.Frames[3][^3] ^= 0x01;

        AssertFails(parts.ToBytes(), AudioErrorCode.FrameCrcMismatch, "CRC-16");
    }

    [Fact]
    public void Read_ReservedSubframeType_IsCorruptFrame()
    {
        // The first subframe header byte right after a valid frame header: type 2 is reserved (RFC 9639 §9.2.1).
        var parts = Parts();
        var frame = parts.Frames[2];
        frame[FlacFileParts.HeaderLength(frame, 0)] = 0b0_000010_0;

        AssertFails(parts.ToBytes(), AudioErrorCode.CorruptFrame, "reserved type 2");
    }

    [Fact]
    public void Read_StreamCutInsideAFrame_IsTruncated()
    {
        var parts = Parts();
        var bytes = parts.ToBytes();
        var cut = parts.Head.Length + parts.Frames.Take(3).Sum(f => f.Length) + (parts.Frames[3].Length / 2);

        AssertFails(bytes[..cut], AudioErrorCode.Truncated, "ends inside the frame");
    }

    [Fact]
    public void Read_StreamCutAtAFrameBoundary_IsTruncatedAgainstStreamInfo()
    {
        var parts = Parts();
        parts.Frames.RemoveRange(4, parts.Frames.Count - 4);

        AssertFails(parts.ToBytes(), AudioErrorCode.Truncated, "samples per channel STREAMINFO declares");
    }

    [Fact]
    public void Open_StreamCutInsideTheMetadata_IsTruncated()
    {
        var ex = Assert.Throws<AudioDecodeException>(() => new FlacDecoder().Open(new MemoryStream(Parts().Head[..30]), Name));

        Assert.Equal(AudioErrorCode.Truncated, ex.Code);
        Assert.StartsWith(Name + ": ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FrameReplacedByAnotherTracksFrame_IsMd5Mismatch()
    {
        // Frame 2 of another track, encoded alike: every CRC holds, only the MD5 of the audio can tell.
        var parts = Parts();
        var other = Parts(FlacTestMedia.Stereo16);
        parts.Frames[2] = other.Frames[2];

        AssertFails(parts.ToBytes(), AudioErrorCode.Md5Mismatch, "MD5");
    }

    [Fact]
    public void Read_StreamInfoMd5Altered_IsMd5MismatchAfterAllTheAudio()
    {
        var parts = Parts();
        parts.Head[8 + 18] ^= 0xFF;
        var expected = FlacTestMedia.ReferenceDecode(_media.PathOf("base.flac"), 2)[0].Length;
        var frames = 0;

        var ex = Assert.Throws<AudioDecodeException>(() =>
        {
            using var reader = new FlacDecoder().Open(new MemoryStream(parts.ToBytes()), Name);
            var buffer = new AudioBuffer(2, 4096);
            int n;
            while ((n = reader.Read(buffer)) > 0)
            {
                frames += n;
            }
        });

        Assert.Equal(AudioErrorCode.Md5Mismatch, ex.Code);
        Assert.Equal(expected, frames);
    }

    [Fact]
    public void Read_Md5CheckOff_DecodesTheAlteredStreamInfo()
    {
        var parts = Parts();
        parts.Head[8 + 18] ^= 0xFF;

        using var reader = new FlacDecoder(verifyMd5: false).Open(new MemoryStream(parts.ToBytes()), Name);

        Assert.Equal(FlacTestMedia.ReferenceDecode(_media.PathOf("base.flac"), 2)[0].Length, Ffmpeg.FfmpegTestMedia.ReadAll(reader).First().Length);
    }

    [Fact]
    public void Read_GarbageBetweenFrames_IsLostSync()
    {
        var parts = Parts();
        parts.Frames.Insert(2, [0x12, 0x34, 0x56, 0x78, 0x9A]);

        AssertFails(parts.ToBytes(), AudioErrorCode.LostSync, "sync");
    }

    [Fact]
    public void Read_SyncCodeDamaged_IsLostSync()
    {
        var parts = Parts();
        parts.Frames[1][1] = 0xF0;

        AssertFails(parts.ToBytes(), AudioErrorCode.LostSync, "sync");
    }

    [Fact]
    public void Open_NotFlac_IsNotAudio()
    {
        var ex = Assert.Throws<AudioDecodeException>(() => new FlacDecoder().Open(new MemoryStream("RIFF\0\0\0\0WAVEfmt "u8.ToArray()), Name));

        Assert.Equal(AudioErrorCode.NotAudio, ex.Code);
    }

    [Fact]
    public void Open_StreamInfoSampleRateZero_IsInvalidHeader()
    {
        var parts = Parts();
        parts.Head[8 + 10] = 0;
        parts.Head[8 + 11] = 0;
        parts.Head[8 + 12] &= 0x0F;

        var ex = Assert.Throws<AudioDecodeException>(() => new FlacDecoder().Open(new MemoryStream(parts.ToBytes()), Name));

        Assert.Equal(AudioErrorCode.InvalidHeader, ex.Code);
        Assert.Contains("sample rate", ex.Message, StringComparison.Ordinal);
    }

    private FlacFileParts Parts(string source = FlacTestMedia.Stereo16Loud)
    {
        var name = source == FlacTestMedia.Stereo16Loud ? "base.flac" : "other.flac";
        var path = File.Exists(_media.PathOf(name)) ? _media.PathOf(name) : _media.Encode(name, source, "-t", "1", "-frame_size", "4096", "-compression_level", "5");
        return FlacFileParts.Parse(File.ReadAllBytes(path));
    }

    private static void AssertFails(byte[] file, AudioErrorCode code, string detail)
    {
        var ex = Assert.Throws<AudioDecodeException>(() =>
        {
            using var reader = new FlacDecoder().Open(new MemoryStream(file), Name);
            Ffmpeg.FfmpegTestMedia.ReadAll(reader);
        });

        Assert.Equal(code, ex.Code);
        Assert.StartsWith(Name + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(detail, ex.Message, StringComparison.Ordinal);
    }
}
