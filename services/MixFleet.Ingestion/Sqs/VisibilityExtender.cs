namespace MixFleet.Ingestion.Sqs;

/// <summary>
/// Keeps a batch of received messages hidden while it is being handled: every half visibility timeout it asks for a
/// fresh one, until disposed (disposal waits for a request in flight, so nothing extends after the caller deletes).
/// A failed extension is reported and tried again at the next tick; the worst case is a duplicate delivery, which the
/// job store absorbs.
/// </summary>
internal sealed class VisibilityExtender : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;

    private VisibilityExtender(TimeSpan visibilityTimeout, Func<CancellationToken, Task> extend, Action<Exception> failed, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = RunAsync(visibilityTimeout / 2, extend, failed, timeProvider, _stop.Token);
    }

    /// <summary>Starts extending; <paramref name="extend"/> sets the batch's visibility timeout again.</summary>
    public static VisibilityExtender Start(TimeSpan visibilityTimeout, Func<CancellationToken, Task> extend, Action<Exception> failed, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        new(visibilityTimeout, extend, failed, timeProvider, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private static async Task RunAsync(TimeSpan period, Func<CancellationToken, Task> extend, Action<Exception> failed, TimeProvider timeProvider, CancellationToken token)
    {
        using var timer = new PeriodicTimer(period, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                try
                {
                    await extend(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // An extension that fails is tried again at the next tick; handling goes on.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failed(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the batch is handled.
        }
    }
}
