using MixFleet.Testing;

namespace MixFleet.Analysis.Tests.Support;

/// <summary>
/// A real, dense, loud mix: 15 s of Sectoid's "War of freedom" (metal: distorted guitars, bass, a full drum kit), from
/// Debian's fretsonfire-songs-sectoid, with 50 ms fades, as Ogg Vorbis (Fixtures/RealMusic, licence and provenance in
/// LICENSE-sectoid.txt). Decoded through ffmpeg, which scripts/test.sh installs.
/// </summary>
internal static class RealMusic
{
    public static (float[][] Channels, int SampleRate) Load() =>
        DecodedAudio.Load(RepositoryRoot.File(Path.Combine("tests", "MixFleet.Analysis.Tests", "Fixtures", "RealMusic", "sectoid-war-of-freedom-excerpt.ogg")));
}
