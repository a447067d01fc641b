using System.Diagnostics;
using MixFleet.Storage;

namespace MixFleet.Fleet.Telemetry;

/// <summary>
/// The store as the track-analysis use case sees it: a put starts the <c>write</c> stage, and every call runs under the
/// open stage span so the storage client's HTTP spans nest under it. Outside a consumer it only passes calls on.
/// </summary>
internal sealed class StageTrackingObjectStore(IObjectStore inner) : IObjectStore
{
    public async Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        UnderStage();
        return await inner.HeadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        UnderStage();
        return await inner.OpenReadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var stages = TrackStages.Current;
        stages?.Enter(TrackStages.Write);
        UnderStage();
        await inner.PutAsync(bucket, key, content, contentType, cancellationToken).ConfigureAwait(false);
        stages?.Exit(TrackStages.Write);
    }

    public IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, CancellationToken cancellationToken) =>
        inner.ListAsync(bucket, prefix, cancellationToken);

    // Only ever called at the top of an async method: the change of Activity.Current does not flow back to the caller.
    private static void UnderStage()
    {
        if (TrackStages.Current?.Stage is { } stage)
        {
            Activity.Current = stage;
        }
    }
}
