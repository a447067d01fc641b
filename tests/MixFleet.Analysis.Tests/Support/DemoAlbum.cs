using MixFleet.Testing;

namespace MixFleet.Analysis.Tests.Support;

/// <summary>The repository's demo album (samples/Demo Album), decoded to planar float channels.</summary>
internal static class DemoAlbum
{
    public static IReadOnlyList<string> Tracks { get; } = ["01 - Slow Swell.wav", "02 - Brickwall.wav", "03 - Quiet Bells.wav"];

    public static (float[][] Channels, int SampleRate) Load(string track) =>
        DecodedAudio.Load(RepositoryRoot.File(Path.Combine("samples", "Demo Album", track)));
}
