using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MixFleet.Storage.Local;
using MixFleet.Storage.S3;

namespace MixFleet.Storage.Tests;

public sealed class ObjectStoreHostingExtensionsTests
{
    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }

    [Fact]
    public void KindLocal_RegistersTheFolderStore()
    {
        var builder = Builder(("MixFleet:Storage:Kind", "local"), ("MixFleet:Storage:Local:RootPath", Path.GetTempPath()));
        builder.AddObjectStore();
        using var host = builder.Build();

        Assert.IsType<LocalFolderObjectStore>(host.Services.GetRequiredService<IObjectStore>());
    }

    [Fact]
    public void KindS3_RegistersTheS3Store()
    {
        var builder = Builder(("MixFleet:Storage:Kind", "S3"), ("MixFleet:S3:ServiceUrl", "http://127.0.0.1:1"),
            ("MixFleet:S3:AccessKey", "a"), ("MixFleet:S3:SecretKey", "b"));
        builder.AddObjectStore();
        using var host = builder.Build();

        Assert.IsType<S3ObjectStore>(host.Services.GetRequiredService<IObjectStore>());
    }

    [Fact]
    public async Task InvalidOptions_FailAtStart()
    {
        var builder = Builder(("MixFleet:Storage:Kind", "s3"), ("MixFleet:S3:AccessKey", "only-the-key"));
        builder.AddObjectStore();
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("go together", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("only-the-key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownKind_IsRejectedWithTheChoices()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Builder(("MixFleet:Storage:Kind", "ftp")).AddObjectStore());
        Assert.Equal("MixFleet:Storage:Kind must be 's3' or 'local', not 'ftp'.", e.Message);
    }
}
