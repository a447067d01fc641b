using System.Collections.Concurrent;
using MassTransit;
using MixFleet.Contracts.V1;

namespace MixFleet.Integration.Tests.Support.Crashes;

/// <summary>
/// A send observer with a crash point in the outbox dispatch: the first <paramref name="passing"/> <c>AnalyzeTrack</c>
/// sends go to the broker (and are confirmed), every later one is held at <paramref name="point"/> before it leaves the
/// process. Other commands pass.
/// </summary>
internal sealed class AnalyzeTrackSendCrash(int passing, CrashPoint point) : ISendObserver
{
    private int _sends;

    /// <summary>The keys whose command was let through.</summary>
    public ConcurrentBag<string> Passed { get; } = [];

    public Task PreSend<T>(SendContext<T> context)
        where T : class
    {
        if (context.Message is not AnalyzeTrack command)
        {
            return Task.CompletedTask;
        }

        if (Interlocked.Increment(ref _sends) > passing)
        {
            return point.HoldAsync(context.CancellationToken);
        }

        Passed.Add(command.Source.Key);
        return Task.CompletedTask;
    }

    public Task PostSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
