using MixFleet.Audio;
using MixFleet.Audio.Ffmpeg;
using MixFleet.Testing;

namespace MixFleet.Analysis.Tests.Support;

/// <summary>The repository's demo album (samples/Demo Album), decoded to planar float channels.</summary>
internal static class DemoAlbum
{
    public static IReadOnlyList<string> Tracks { get; } = ["01 - Slow Swell.wav", "02 - Brickwall.wav", "03 - Quiet Bells.wav"];

    public static (float[][] Channels, int SampleRate) Load(string track)
    {
        using var reader = new AudioDecoder(new FfmpegDecoder()).Open(RepositoryRoot.File(Path.Combine("samples", "Demo Album", track)));
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
