using MixFleet.Audio.Pcm;

namespace MixFleet.Audio.Tests.Support;

/// <summary>Opens test bytes and drains readers.</summary>
internal static class ReaderHelpers
{
    public const string Name = "test-input.wav";

    public static IAudioReader OpenBytes(byte[] file, bool seekable = true, int maxPerRead = int.MaxValue)
        => new PcmDecoder().Open(maxPerRead == int.MaxValue && seekable ? new MemoryStream(file) : new TrickleStream(file, seekable, maxPerRead), Name);

    /// <summary>Reads to the end in blocks of <paramref name="blockFrames"/>; returns the samples per channel.</summary>
    public static float[][] ReadAll(IAudioReader reader, int blockFrames = 4096)
    {
        var buffer = new AudioBuffer(reader.Info.Channels, blockFrames);
        var channels = Enumerable.Range(0, reader.Info.Channels).Select(_ => new List<float>()).ToArray();
        while (reader.Read(buffer) is > 0)
        {
            for (var c = 0; c < channels.Length; c++)
            {
                channels[c].AddRange(buffer.Channel(c).ToArray());
            }
        }

        return channels.Select(c => c.ToArray()).ToArray();
    }

    public static float[][] DecodeBytes(byte[] file, int blockFrames = 4096, bool seekable = true, int maxPerRead = int.MaxValue)
    {
        using var reader = OpenBytes(file, seekable, maxPerRead);
        return ReadAll(reader, blockFrames);
    }

    public static AudioDecodeException OpenFails(byte[] file, bool seekable = true)
        => Assert.Throws<AudioDecodeException>(() => OpenBytes(file, seekable).Dispose());
}
