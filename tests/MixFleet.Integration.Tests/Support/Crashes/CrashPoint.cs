using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace MixFleet.Integration.Tests.Support.Crashes;

/// <summary>
/// A point in the code under test where its process "dies": a call that reaches it never comes back (it is held until
/// its host stops, then ends with <see cref="OperationCanceledException"/>), so nothing the real code would have done
/// after this point happens, exactly as after kill -9. The test waits for <see cref="Reached"/>, then stops the host.
/// </summary>
/// <remarks>
/// What stopping the host leaves is what a kill leaves, given <see cref="StopConsumersAtOnce"/> on that host: the
/// transactions committed before the point (an open one rolls back as its connection goes), and every delivery not
/// acknowledged back in its queue. The host's stop cancels the held consumer (its consume context, or the stopping
/// token of a background service), so nothing after the point runs, and MassTransit returns the delivery to the broker
/// instead of faulting it: the tests check the broker afterwards (the delivery is back in its queue, none in
/// <c>_error</c>). Without <see cref="StopConsumersAtOnce"/> MassTransit waits for the held consumer and gives up on
/// the stop with the delivery still unacknowledged on an open channel: a hung process, not a dead one. Work elsewhere in
/// the host that does not observe cancellation could still finish during the stop, which is a kill a moment later;
/// the tests let the rest of the job come to rest before the crash, so there is none.
/// </remarks>
internal sealed class CrashPoint
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _hits;

    /// <summary>
    /// Makes the host's stop cancel its consumers at once (MassTransit's <c>ConsumerStopTimeout</c>) instead of waiting
    /// for them: a held consumer is cancelled, as a killed process ends it, and its delivery goes back to the broker.
    /// </summary>
    public static void StopConsumersAtOnce(IServiceCollection services) =>
        services.Configure<MassTransitHostOptions>(o => o.ConsumerStopTimeout = TimeSpan.FromMilliseconds(10));

    /// <summary>Completes when the first call reaches the point.</summary>
    public Task Reached => _reached.Task;

    /// <summary>How many calls reached the point (each one is held).</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Holds the caller until <paramref name="cancellationToken"/> fires; never returns normally.</summary>
    public async Task HoldAsync(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            throw new InvalidOperationException("A crash point needs a cancellable token (the host's stop), or it would hold the call forever.");
        }

        Interlocked.Increment(ref _hits);
        _reached.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
