using MixFleet.Reports.Qc;

namespace MixFleet.Reports.Tests.Qc;

public sealed class QcProfileLoaderTests
{
    [Fact]
    public void Yaml_CustomProfile_Loads()
    {
        const string Yaml = """
            name: label-x
            description: Label X masters
            targetLufs: -10
            toleranceLu: 1.5
            maxTruePeakDbtp: -0.5
            requireIsrc: true
            maxTransitionLu: 4
            """;

        var profile = QcProfileLoader.Parse(Yaml, "label-x.yaml");

        Assert.Equal("label-x", profile.Name);
        Assert.Equal(-10, profile.TargetLufs);
        Assert.Equal(1.5, profile.ToleranceLu);
        Assert.Equal(-0.5, profile.MaxTruePeakDbtp);
        Assert.True(profile.RequireIsrc);
        Assert.Equal(4, profile.MaxTransitionLu);
    }

    [Fact]
    public void AlbumGainMode_LoudestTrack_Loads_AndAnUnknownModeIsAnError()
    {
        var profile = QcProfileLoader.Parse("name: x\nbasedOn: streaming\nalbumGainMode: loudest-track\n", "x.yaml");
        var error = Assert.Throws<QcProfileException>(() => QcProfileLoader.Parse("name: y\nalbumGainMode: loudest\n", "y.yaml"));

        Assert.Equal(AlbumGainModes.LoudestTrack, profile.AlbumGainMode);
        Assert.Equal(-14, profile.TargetLufs);
        Assert.Contains("'albumGainMode' must be one of album, loudest-track (got 'loudest')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_CustomProfile_BasedOnABuiltIn_KeepsTheBaseSettingsItDoesNotState()
    {
        const string Json = """{ "name": "strict-streaming", "basedOn": "streaming", "maxTruePeakDbtp": -2, "sampleRate": 48000 }""";

        var profile = QcProfileLoader.Parse(Json, "strict.json");

        Assert.Equal(-14, profile.TargetLufs);
        Assert.Equal(1, profile.ToleranceLu);
        Assert.Equal(-2, profile.MaxTruePeakDbtp);
        Assert.Equal(48_000, profile.SampleRate);
    }

    [Fact]
    public void BasedOn_ARangeReplacesTheBaseTarget()
    {
        var profile = QcProfileLoader.Parse("name: r\nbasedOn: streaming\nminLufs: -12\nmaxLufs: -8\n", "r.yaml");

        Assert.Null(profile.TargetLufs);
        Assert.Null(profile.ToleranceLu);
        Assert.Equal((-12.0, -8.0), (profile.MinLufs!.Value, profile.MaxLufs!.Value));
    }

    [Fact]
    public void SampleProfile_InTheRepository_IsValid()
    {
        var path = Path.Combine(RepositoryRoot(), "samples", "profiles", "custom.yaml");

        var profile = QcProfileLoader.Resolve(path);

        Assert.False(string.IsNullOrEmpty(profile.Name));
    }

    [Fact]
    public void InvalidValues_AreAllReported_NamingTheFileAndSettings()
    {
        const string Yaml = "targetLufs: 5\ntoleranceLu: -1\nminLufs: -20\nbitDepth: 12\n";

        var error = Assert.Throws<QcProfileException>(() => QcProfileLoader.Parse(Yaml, "bad.yaml"));

        Assert.StartsWith("bad.yaml: invalid profile:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'name' is required.", error.Message, StringComparison.Ordinal);
        Assert.Contains("'targetLufs' must be between -70 and 0 (got 5)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'toleranceLu' must be between 0.01 and 20 (got -1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("either 'targetLufs'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'bitDepth' must be one of", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: x\ntargetLufz: -14\n", "p.yaml", "p.yaml (line 2, column 1): unknown setting 'targetLufz'.")]
    [InlineData("name: x\ntargetLufs: loud\n", "p.yaml", "p.yaml (line 2, column 13): 'targetLufs' must be a number (got 'loud').")]
    [InlineData("name: x\nbitDepth: 24.5\n", "p.yaml", "p.yaml (line 2, column 11): 'bitDepth' must be a whole number (got '24.5').")]
    [InlineData("name: x\nrequireIsrc: maybe\n", "p.yaml", "'requireIsrc' must be true or false (got 'maybe')")]
    [InlineData("name: x\nfailDefects: clipping\n", "p.yaml", "p.yaml (line 2, column 14): 'failDefects' must be a list.")]
    [InlineData("- name: x\n", "p.yaml", "p.yaml (line 1, column 1): a profile is a mapping of settings")]
    [InlineData("name: [x\n", "p.yaml", "p.yaml (line 2, column 1)")]
    [InlineData("{ \"name\": \"x\", \"targetLufz\": -14 }", "p.json", "targetLufz")]
    [InlineData("{ \"name\": \"x\", ", "p.json", "p.json")]
    [InlineData("name: x\nbasedOn: spotify\n", "p.yaml", "'spotify' is not a built-in profile")]
    public void Malformed_FailsWithALocatedMessage(string text, string source, string expected)
    {
        var error = Assert.Throws<QcProfileException>(() => QcProfileLoader.Parse(text, source));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_DefectLists_LoadInBothSequenceStyles()
    {
        var profile = QcProfileLoader.Parse("name: d\nfailDefects: [clipping, dropout]\nwarnDefects:\n  - click\n  - dc-offset\n", "d.yaml");

        Assert.Equal(["clipping", "dropout"], profile.FailDefects);
        Assert.Equal(["click", "dc-offset"], profile.WarnDefects);
    }

    [Fact]
    public void Yaml_AndJson_OfTheSameSettings_ReadTheSame()
    {
        const string Yaml = "name: same\nbasedOn: cd\ntargetLufs: -9.5\ntoleranceLu: 0.5\nbitDepth: 24\nnoLimiting: true\nalbumGainMode: loudest-track\nfailDefects: [clipping]\ndescription: ~\n";
        const string Json = """{ "name": "same", "basedOn": "cd", "targetLufs": -9.5, "toleranceLu": 0.5, "bitDepth": 24, "noLimiting": true, "albumGainMode": "loudest-track", "failDefects": ["clipping"], "description": null }""";

        var fromYaml = QcProfileLoader.Parse(Yaml, "same.yaml");
        var fromJson = QcProfileLoader.Parse(Json, "same.json");

        Assert.Equal(fromJson with { FailDefects = null }, fromYaml with { FailDefects = null });
        Assert.Equal(fromJson.FailDefects, fromYaml.FailDefects);
        Assert.Equal(-9.5, fromYaml.TargetLufs);
    }

    [Fact]
    public void Yaml_ANumberWhereTextIsExpected_IsTheText()
    {
        var profile = QcProfileLoader.Parse("name: 2024\nbasedOn: streaming\n", "n.yaml");

        Assert.Equal("2024", profile.Name);
    }

    [Fact]
    public void Resolve_UnknownNameThatIsNoFile_ListsTheBuiltIns()
    {
        var error = Assert.Throws<QcProfileException>(() => QcProfileLoader.Resolve("spotify"));

        Assert.Contains("streaming, apple, ebu-r128, atsc-a85, cd, mix-for-mastering", error.Message, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MixFleet.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
