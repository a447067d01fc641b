using System.Collections.Concurrent;
using MassTransit;

namespace MixFleet.Integration.Tests.Support.Crashes;

/// <summary>
/// A send observer with a crash point in front of the broker: every send of a <typeparamref name="TMessage"/> that
/// <paramref name="holds"/> picks is held at <paramref name="point"/> before it leaves the process; the others go to the
/// broker (and are confirmed) as usual. Other message types pass.
/// </summary>
internal sealed class SendCrash<TMessage>(Func<TMessage, bool> holds, CrashPoint point) : ISendObserver
    where TMessage : class
{
    /// <summary>The messages let through.</summary>
    public ConcurrentBag<TMessage> Passed { get; } = [];

    public Task PreSend<T>(SendContext<T> context)
        where T : class
    {
        if (context.Message is not TMessage message)
        {
            return Task.CompletedTask;
        }

        if (holds(message))
        {
            return point.HoldAsync(context.CancellationToken);
        }

        Passed.Add(message);
        return Task.CompletedTask;
    }

    public Task PostSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
