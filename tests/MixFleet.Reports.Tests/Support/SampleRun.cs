using MixFleet.Reports.Albums;
using MixFleet.Reports.Catalog;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Tests.Support;

/// <summary>A small run of two albums, one with problems, as a whole report document.</summary>
internal static class SampleRun
{
    public static AnalysisReport Document(QcProfile profile)
    {
        var inputs = new List<AlbumTrackInput>
        {
            Constructed.Shaped("01 - Opener.wav", -13, -11, album: "Good") with { Tags = new TagsReport { Title = "Opener, \"live\"", Album = "Good", AlbumArtist = "Band", Isrc = "GBAYE2500001" } },
            Constructed.Shaped("02 - Ballad.wav", -20, -22, album: "Good") with { Tags = new TagsReport { Title = "Ballad", Album = "Good", AlbumArtist = "Band", Isrc = "GBAYE2500002" } },
            Constructed.Track("01 - Hot.wav", -8, album: "Bad") with { TruePeakDbtp = 0.4 },
            Constructed.Track("03 - Hot.wav", -9, album: "Bad", isrc: "GBAYE2500001"),
            new AlbumTrackInput { Path = "Bad/04 - broken.wav", Album = "Bad", Error = new ErrorReport { Code = "truncated", Message = "Bad/04 - broken.wav: cut" } },
        };
        var albums = AlbumReportBuilder.BuildAll(inputs, profile);
        return new AnalysisReport
        {
            AnalyzerVersion = "test",
            Tracks = inputs.Select(i => new TrackReport { Path = i.Path, Album = i.Album, Error = i.Error }).ToList(),
            Profile = profile.Name!,
            Albums = albums,
            Catalog = CatalogBuilder.Build(albums),
        };
    }
}
