using MixFleet.Reports.Albums;

namespace MixFleet.Reports.Tests.Albums;

public sealed class IsrcTests
{
    [Theory]
    [InlineData("GB-AYE-00-00001", "GBAYE0000001")]
    [InlineData("GBAYE0000001", "GBAYE0000001")]
    [InlineData("usrc17607839", "USRC17607839")]
    [InlineData("US-S1Z-99-00001", "USS1Z9900001")]
    public void WellFormed_NormalizesToTwelveCharacters(string code, string expected) => Assert.Equal(expected, Isrc.Normalize(code));

    [Theory]
    [InlineData("GBAYE000001")]       // 11 characters
    [InlineData("GBAYE00000012")]     // 13 characters
    [InlineData("G1AYE0000001")]      // country must be letters
    [InlineData("GB-AY-E00-00001")]   // hyphens in the wrong places
    [InlineData("GBAYEXX00001")]      // year must be digits
    [InlineData("GB AYE 00 00001")]
    [InlineData("")]
    public void Malformed_IsRejected(string code) => Assert.False(Isrc.IsWellFormed(code));
}
