using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using MixFleet.Ingestion.Tests.Doubles;

namespace MixFleet.Ingestion.Tests.Dashboard;

/// <summary>
/// The dashboard's login, session cookie, antiforgery and schemes through the real service (in-memory store, the
/// MassTransit harness, a database of its own on the real PostgreSQL).
/// </summary>
public sealed partial class DashboardAuthTests : IDisposable
{
    private const string UserHash = "pbkdf2-sha256$100000$MDEyMzQ1Njc4OWFiY2RlZg==$U2C0LSnw9L1tHGb1TTgGGkkCtVNX1aKRDSTwdQ0oa14=";
    private readonly IngestionFactory _factory = new();
    private readonly WebApplicationFactory<Program> _app;

    public DashboardAuthTests()
    {
        _app = _factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("MixFleet:Dashboard:Users:0:Name", "qc-lead");
            b.UseSetting("MixFleet:Dashboard:Users:0:PasswordHash", UserHash);
        });
    }

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Dashboard_WithoutSession_RedirectsToTheLoginWithItsReturnUrl()
    {
        using var client = Browser();
        using var response = await client.GetAsync(new Uri("/dashboard/jobs/" + Guid.NewGuid(), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/dashboard/login?ReturnUrl=%2Fdashboard%2Fjobs%2F", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithTheToken_SetsAnHttpOnlyLaxSessionCookie_ThatOpensTheDashboard()
    {
        using var client = Browser();
        using var login = await LogInAsync(client, user: "", secret: IngestionFactory.Token);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/dashboard", login.Headers.Location!.ToString());
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mixfleet.session=", StringComparison.Ordinal));
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);

        using var page = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Signed in as <strong data-testid=\"user\">token</strong>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithAConfiguredUsersPassword_SignsInAsThatUser()
    {
        using var client = Browser();
        using var login = await LogInAsync(client, user: "qc-lead", secret: "correct horse €");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        using var page = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));
        Assert.Contains(">qc-lead</strong>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "not-the-token-0123456789")]
    [InlineData("qc-lead", "wrong password")]
    [InlineData("nobody", "correct horse €")]
    public async Task Login_WithWrongCredentials_Is401_WithoutASession(string user, string secret)
    {
        using var client = Browser();
        using var login = await LogInAsync(client, user, secret);

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.DoesNotContain(login.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("mixfleet.session=", StringComparison.Ordinal));
        Assert.Contains("Those credentials are not valid.", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithoutTheAntiforgeryToken_Is400()
    {
        using var client = Browser();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "", ["Secret"] = IngestionFactory.Token });
        using var response = await client.PostAsync(new Uri("/dashboard/login", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ScanForm_WithoutTheAntiforgeryToken_Is400_EvenWithASession()
    {
        using var client = Browser();
        (await LogInAsync(client, "", IngestionFactory.Token)).Dispose();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Bucket"] = "masters", ["Prefix"] = "", ["Profile"] = "streaming" });
        using var response = await client.PostAsync(new Uri("/dashboard/scan", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Session_DoesNotOpenTheApi_AndTheTokenOpensTheDashboard()
    {
        using var client = Browser();
        (await LogInAsync(client, "", IngestionFactory.Token)).Dispose();
        using var api = await client.GetAsync(new Uri("/v1/jobs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        using var bearer = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", IngestionFactory.Token);
        using var page = await bearer.GetAsync(new Uri("/dashboard", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-token-0123456789");
        using var refused = await bearer.GetAsync(new Uri("/dashboard", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Report_OfAnAlbumTheJobDoesNotHave_Is404()
    {
        using var bearer = _app.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", IngestionFactory.Token);
        using var response = await bearer.GetAsync(new Uri($"/dashboard/jobs/{Guid.NewGuid()}/report?album=..%2F..%2Fsecrets%2F", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Pages_CarryTheContentSecurityPolicy_AndAreNotCached()
    {
        using var client = Browser();
        using var response = await client.GetAsync(new Uri("/dashboard/login", UriKind.Relative));

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Matches("^default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]{24}'; style-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    private HttpClient Browser() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>GETs the login form for its antiforgery token (and cookie), then posts it.</summary>
    private static async Task<HttpResponseMessage> LogInAsync(HttpClient client, string user, string secret)
    {
        using var form = await client.GetAsync(new Uri("/dashboard/login", UriKind.Relative));
        var token = AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(token);
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = user, ["Secret"] = secret, ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri("/dashboard/login", UriKind.Relative), body);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
