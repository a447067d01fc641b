using MixFleet.Reports.Albums;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Tests.Albums;

public sealed class AlbumTrackInputFactoryTests
{
    [Fact]
    public void FromStored_takes_energies_as_given_and_silence_and_spectrum_from_the_report()
    {
        var report = new TrackReport
        {
            Path = "a/b/01.wav",
            Album = "a/b/",
            Loudness = new LoudnessReport { IntegratedLufs = -14.2 },
            Silence = new SilenceReport { LeadingSeconds = 0.5, TrailingSeconds = 1.25, DropoutStartsSeconds = [] },
            Spectrum = new SpectrumReport
            {
                Bands =
                [
                    new SpectrumBandReport { Name = "sub", LowHz = 0, HighHz = 80, LevelDb = -30 },
                    new SpectrumBandReport { Name = "air", LowHz = 10_000, HighHz = 20_000, LevelDb = null },
                ],
            },
        };

        var stored = new AlbumLoudnessData { BlockHistogram = "AQEC", ShortTermHistogram = "AgED", ShortTermLufs = [-14.0], FirstShortTermLufs = -14.5, LastShortTermLufs = -20 };
        var input = AlbumTrackInputFactory.FromStored(report, stored);

        Assert.Equal("a/b/01.wav", input.Path);
        Assert.Equal(-14.2, input.IntegratedLufs);
        Assert.Same(stored, input.Loudness);
        Assert.Equal(0.5, input.LeadingSilenceSeconds);
        Assert.Equal(1.25, input.TrailingSilenceSeconds);
        var band = Assert.Single(input.SpectrumBands!);
        Assert.Equal(Math.Sqrt(20 * 80), band.FrequencyHz, 9);
        Assert.Equal(-30, band.LevelDb);
        Assert.Null(input.Error);
    }
}
