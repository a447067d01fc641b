using MixFleet.Analysis;
using MixFleet.Analysis.Engine;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Tracks;
using MixFleet.Testing;

namespace MixFleet.Reports.Tests.Support;

/// <summary>
/// Tracks synthesized as audio and measured by the real engine: a stereo 1 kHz sine at X dBFS peak reads X LUFS
/// (EBU Tech 3341), so each body's loudness is known in closed form; fades are straight lines in dB.
/// </summary>
internal static class AlbumSignals
{
    public const int Rate = 48_000;

    /// <summary>A 1 kHz sine body at <paramref name="lufs"/>, with optional fades (straight in dB, <paramref name="fadeDepthDb"/> deep).</summary>
    public static float[] Body(double lufs, double seconds, double fadeInSeconds = 0, double fadeOutSeconds = 0, double fadeDepthDb = -36)
    {
        var n = (int)Math.Round(seconds * Rate);
        var x = new float[n];
        var amplitude = Math.Pow(10, lufs / 20);
        var fadeIn = (int)Math.Round(fadeInSeconds * Rate);
        var fadeOut = (int)Math.Round(fadeOutSeconds * Rate);
        for (var i = 0; i < n; i++)
        {
            var gainDb = 0.0;
            if (i < fadeIn)
            {
                gainDb = fadeDepthDb * (fadeIn - i) / fadeIn;
            }
            else if (i >= n - fadeOut)
            {
                gainDb = fadeDepthDb * (i - (n - fadeOut) + 1) / fadeOut;
            }

            x[i] = (float)(amplitude * Math.Pow(10, gainDb / 20) * Math.Sin(2 * Math.PI * 1_000 * i / Rate));
        }

        return x;
    }

    /// <summary>Analyzes the mono signal as stereo (both channels) and returns the album input the CLI would build.</summary>
    public static AlbumTrackInput Track(string name, float[] signal, string album = "Album")
    {
        using var reader = new ArrayAudioReader([signal, (float[])signal.Clone()], Rate);
        using var budget = new CpuBudget(2);
        var analysis = new TrackAnalyzer(AnalysisOptions.Default, budget).AnalyzeAsync(reader).GetAwaiter().GetResult();
        var report = TrackReportFactory.FromAnalysis($"{album}/{name}", album, analysis);
        return AlbumTrackInputFactory.From(report, analysis);
    }
}
