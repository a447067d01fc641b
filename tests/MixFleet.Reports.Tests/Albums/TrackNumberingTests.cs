using MixFleet.Reports.Albums;

namespace MixFleet.Reports.Tests.Albums;

public sealed class TrackNumberingTests
{
    [Theory]
    [InlineData("01 - Title.wav", null, null, 1, "1")]
    [InlineData("7. Title.flac", null, null, 7, "7")]
    [InlineData("12_Title.wav", null, null, 12, "12")]
    [InlineData("1-01 Title.flac", 1, null, 1, "1-01")]
    [InlineData("2-13 Title.flac", 2, null, 13, "2-13")]
    [InlineData("A1 Title.wav", null, "A", 1, "A1")]
    [InlineData("b2-Title.wav", null, "B", 2, "B2")]
    [InlineData("Track 03.wav", null, null, 3, "3")]
    public void FromFileName_ReadsTheNumberingSchemes(string file, int? disc, string? side, int number, string label)
    {
        var position = TrackNumbering.Parse(null, file);

        Assert.Equal(disc, position.Disc);
        Assert.Equal(side, position.Side);
        Assert.Equal(number, position.Number);
        Assert.Equal(label, position.Label);
        Assert.Equal(NumberSource.FileName, position.Source);
    }

    [Theory]
    [InlineData("Intro.wav")]
    [InlineData("Abba Gold.wav")]
    [InlineData("1999 Remaster.wav")]
    public void FromFileName_WithoutANumber_IsUnnumbered(string file)
    {
        // "1999 Remaster" has four digits: a year, not a track number.
        Assert.Null(TrackNumbering.Parse(null, file).Number);
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("03", 3)]
    [InlineData("3/12", 3)]
    [InlineData(" 04 / 10 ", 4)]
    public void Tag_WinsOverTheFileName(string tag, int number)
    {
        var position = TrackNumbering.Parse(tag, "09 - Title.wav");

        Assert.Equal(number, position.Number);
        Assert.Equal(NumberSource.Tag, position.Source);
    }

    [Fact]
    public void UnreadableTag_FallsBackToTheFileName()
    {
        var position = TrackNumbering.Parse("three", "05 - Title.wav");

        Assert.Equal(5, position.Number);
        Assert.Equal(NumberSource.FileName, position.Source);
    }
}
