using MixFleet.Audio;
using MixFleet.Audio.Ffmpeg;

namespace MixFleet.Analysis.Tests.Support;

/// <summary>An audio file of the repository decoded to planar float channels (compressed formats through ffmpeg).</summary>
internal static class DecodedAudio
{
    public static (float[][] Channels, int SampleRate) Load(string path)
    {
        using var reader = new AudioDecoder(new FfmpegDecoder()).Open(path);
        var channels = Enumerable.Range(0, reader.Info.Channels).Select(_ => new List<float>()).ToArray();
        var buffer = new AudioBuffer(reader.Info.Channels, 8_192);
        while (reader.Read(buffer) > 0)
        {
            for (var c = 0; c < channels.Length; c++)
            {
                channels[c].AddRange(buffer.Channel(c).ToArray());
            }
        }

        return ([.. channels.Select(c => c.ToArray())], reader.Info.SampleRate);
    }
}
