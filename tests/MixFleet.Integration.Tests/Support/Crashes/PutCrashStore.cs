using MixFleet.Storage;

namespace MixFleet.Integration.Tests.Support.Crashes;

/// <summary>An object store whose writes of the keys <paramref name="isHeld"/> names are held at <paramref name="point"/>; everything else passes.</summary>
internal sealed class PutCrashStore(IObjectStore inner, Func<string, bool> isHeld, CrashPoint point) : DelegatingObjectStore(inner)
{
    public override async Task PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        if (isHeld(key))
        {
            await point.HoldAsync(cancellationToken);
        }

        await Inner.PutAsync(bucket, key, content, contentType, cancellationToken);
    }
}
