using System.Reflection;
using MixFleet.Audio;
using MixFleet.Audio.Ffmpeg;

namespace MixFleet.Analysis.Tests;

/// <summary>
/// The analysis engine depends only on the audio abstractions and the in-process decoders' assembly, never on the
/// ffmpeg/process code (issue 12, "Layering"); and that assembly itself starts no process.
/// </summary>
public sealed class LayeringTests
{
    [Fact]
    public void Analysis_ReferencesOnlyTheAudioAbstractions_NotTheFfmpegLayer()
    {
        var references = Names(typeof(TrackAnalyzer).Assembly);

        Assert.Contains("MixFleet.Audio", references);
        Assert.DoesNotContain("MixFleet.Audio.Ffmpeg", references);
        Assert.DoesNotContain("System.Diagnostics.Process", references);
    }

    [Fact]
    public void AudioAbstractions_StartNoProcess()
    {
        var references = Names(typeof(IAudioReader).Assembly);

        Assert.DoesNotContain("System.Diagnostics.Process", references);
        Assert.DoesNotContain("MixFleet.Audio.Ffmpeg", references);
    }

    [Fact]
    public void FfmpegLayer_IsWhereTheProcessCodeLives()
    {
        // The check above can fail: the assembly that does start processes shows the reference.
        Assert.Contains("System.Diagnostics.Process", Names(typeof(FfmpegDecoder).Assembly));
    }

    private static string[] Names(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];
}
