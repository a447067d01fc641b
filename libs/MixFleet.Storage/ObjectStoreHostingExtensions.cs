using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MixFleet.Storage.Local;
using MixFleet.Storage.S3;

namespace MixFleet.Storage;

/// <summary>Registers the fleet's <see cref="IObjectStore"/>.</summary>
public static class ObjectStoreHostingExtensions
{
    /// <summary>The configuration key that selects the store: <c>s3</c> or <c>local</c> (the default).</summary>
    public const string KindKey = "MixFleet:Storage:Kind";

    /// <summary>
    /// Registers <see cref="IObjectStore"/> as <see cref="S3ObjectStore"/> (<c>MixFleet:Storage:Kind = s3</c>, options
    /// from <c>MixFleet:S3</c>) or <see cref="LocalFolderObjectStore"/> (<c>local</c>, options from
    /// <c>MixFleet:Storage:Local</c>), options validated at start.
    /// </summary>
    public static IHostApplicationBuilder AddObjectStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var kind = builder.Configuration[KindKey] ?? "local";
        if (string.Equals(kind, "s3", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddOptions<S3StorageOptions>().BindConfiguration(S3StorageOptions.SectionName)
                .ValidateDataAnnotations().ValidateOnStart();
            builder.Services.AddSingleton(sp => S3ObjectStore.CreateClient(sp.GetRequiredService<IOptions<S3StorageOptions>>().Value));
            builder.Services.AddSingleton<IObjectStore, S3ObjectStore>();
        }
        else if (string.Equals(kind, "local", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddOptions<LocalStorageOptions>().BindConfiguration(LocalStorageOptions.SectionName)
                .ValidateDataAnnotations().ValidateOnStart();
            builder.Services.AddSingleton<IObjectStore, LocalFolderObjectStore>();
        }
        else
        {
            throw new InvalidOperationException($"{KindKey} must be 's3' or 'local', not '{kind}'.");
        }

        return builder;
    }
}
