using MixFleet.Reports.Albums;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Tests.Support;

namespace MixFleet.Reports.Tests.Albums;

public sealed class AlbumOrderingTests
{
    [Fact]
    public void Order_TagsThenFileNames_AlbumOrderNotPathOrder()
    {
        var tracks = new[]
        {
            Constructed.Track("a.wav", -14, number: "3"),
            Constructed.Track("b.wav", -14, number: "1"),
            Constructed.Track("02 - c.wav", -14),
        };

        var (ordered, verdicts) = AlbumOrdering.Order(tracks);

        Assert.Equal(["Album/b.wav", "Album/02 - c.wav", "Album/a.wav"], ordered.Select(o => o.Track.Path));
        Assert.All(verdicts, v => Assert.Equal(VerdictStatus.Pass, v.Status));
    }

    [Theory]
    [InlineData(new[] { "2-01 x.flac", "1-02 x.flac", "1-01 x.flac", "2-02 x.flac" }, new[] { "1-01", "1-02", "2-01", "2-02" })]
    [InlineData(new[] { "B1 y.wav", "A2 y.wav", "A1 y.wav", "B2 y.wav" }, new[] { "A1", "A2", "B1", "B2" })]
    public void Order_DiscsAndSides_NumberRestartsOnEach_WithoutHoles(string[] files, string[] expected)
    {
        var (ordered, verdicts) = AlbumOrdering.Order(files.Select(f => Constructed.Track(f, -14)));

        Assert.Equal(expected, ordered.Select(o => o.Position.Label));
        Assert.All(verdicts, v => Assert.Equal(VerdictStatus.Pass, v.Status));
    }

    [Fact]
    public void Order_DuplicateNumber_Fails_AndNamesIt()
    {
        var tracks = new[] { Constructed.Track("01 - a.wav", -14), Constructed.Track("02 - b.wav", -14), Constructed.Track("02 - b (alt).wav", -14) };

        var (_, verdicts) = AlbumOrdering.Order(tracks);

        var duplicate = verdicts.Single(v => v.Rule == "numbering-duplicate");
        Assert.Equal(VerdictStatus.Fail, duplicate.Status);
        Assert.Equal("2 ×2", duplicate.Measured);
    }

    [Fact]
    public void Order_Holes_WarnWithTheMissingNumbers()
    {
        var tracks = new[] { Constructed.Track("02 - b.wav", -14), Constructed.Track("03 - c.wav", -14), Constructed.Track("06 - f.wav", -14) };

        var (_, verdicts) = AlbumOrdering.Order(tracks);

        var hole = verdicts.Single(v => v.Rule == "numbering-hole");
        Assert.Equal(VerdictStatus.Warn, hole.Status);
        Assert.Equal("1, 4, 5", hole.Measured);
    }

    [Fact]
    public void Order_UnnumberedTracks_GoLast_AndWarn()
    {
        var tracks = new[] { Constructed.Track("Outro.wav", -14), Constructed.Track("01 - a.wav", -14), Constructed.Track("Bonus.wav", -14) };

        var (ordered, verdicts) = AlbumOrdering.Order(tracks);

        Assert.Equal(["Album/01 - a.wav", "Album/Bonus.wav", "Album/Outro.wav"], ordered.Select(o => o.Track.Path));
        Assert.Equal(VerdictStatus.Warn, verdicts.Single(v => v.Rule == "numbering-missing").Status);
    }
}
