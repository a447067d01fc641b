using System.Diagnostics;

namespace MixFleet.Integration.Tests.Support;

/// <summary>
/// Waits for a condition of the real parts by asking again every 200 ms, up to a generous bound; the bound only limits
/// how long a broken run hangs, it never decides a result.
/// </summary>
internal static class Poll
{
    /// <summary>The default bound: ample for a few short tracks on a loaded 2-core machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Asks <paramref name="attempt"/> until it returns a value, and returns it; fails the test after <paramref name="timeout"/>.</summary>
    public static Task<T> ForAsync<T>(Func<Task<T?>> attempt, string what, TimeSpan? timeout = null)
        where T : struct =>
        LoopAsync(async () => await attempt() is { } value ? (true, value) : (false, default), what, timeout);

    /// <summary>Asks <paramref name="attempt"/> until it returns an object, and returns it; fails the test after <paramref name="timeout"/>.</summary>
    public static Task<T> ForObjectAsync<T>(Func<Task<T?>> attempt, string what, TimeSpan? timeout = null)
        where T : class =>
        LoopAsync(async () => await attempt() is { } value ? (true, value) : (false, null!), what, timeout);

    /// <summary>Waits until <paramref name="condition"/> holds; fails the test after <paramref name="timeout"/>.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        ForAsync<bool>(async () => await condition() ? true : null, what, timeout);

    private static async Task<T> LoopAsync<T>(Func<Task<(bool Found, T Value)>> attempt, string what, TimeSpan? timeout)
    {
        var bound = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (found, value) = await attempt();
            if (found)
            {
                return value;
            }

            if (clock.Elapsed > bound)
            {
                Assert.Fail($"Timed out after {bound.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(Interval);
        }
    }
}
