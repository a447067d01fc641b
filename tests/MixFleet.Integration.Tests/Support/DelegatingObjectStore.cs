using Microsoft.Extensions.DependencyInjection;
using MixFleet.Storage;

namespace MixFleet.Integration.Tests.Support;

/// <summary>
/// An <see cref="IObjectStore"/> that forwards every call (paged listing included, so S3's own continuation tokens are
/// used) to the store it wraps; the test seams override what they watch or hold.
/// </summary>
internal abstract class DelegatingObjectStore(IObjectStore inner) : IObjectStore
{
    protected IObjectStore Inner { get; } = inner;

    /// <summary>
    /// Replaces the last <see cref="IObjectStore"/> registered in <paramref name="services"/> (the service's own, from its
    /// configuration) with <paramref name="wrap"/> around it.
    /// </summary>
    public static void Decorate(IServiceCollection services, Func<IObjectStore, IObjectStore> wrap)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IObjectStore));
        services.Remove(registered);
        services.AddSingleton(sp => wrap(
            registered.ImplementationType is { } type
                ? (IObjectStore)ActivatorUtilities.CreateInstance(sp, type)
                : registered.ImplementationFactory is { } factory ? (IObjectStore)factory(sp) : (IObjectStore)registered.ImplementationInstance!));
    }

    public virtual Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken) =>
        Inner.HeadAsync(bucket, key, cancellationToken);

    public virtual Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken) =>
        Inner.OpenReadAsync(bucket, key, cancellationToken);

    public virtual Task PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken) =>
        Inner.PutAsync(bucket, key, content, contentType, cancellationToken);

    public virtual IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, CancellationToken cancellationToken) =>
        Inner.ListAsync(bucket, prefix, cancellationToken);

    public virtual Task<ObjectPage> ListPageAsync(string bucket, string prefix, string? continuationToken, int maxKeys, CancellationToken cancellationToken) =>
        Inner.ListPageAsync(bucket, prefix, continuationToken, maxKeys, cancellationToken);
}
