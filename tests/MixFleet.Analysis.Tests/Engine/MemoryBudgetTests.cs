using MixFleet.Analysis.Engine;

namespace MixFleet.Analysis.Tests.Engine;

/// <summary>The byte budget's rules: reservations fit or wait in order, extras never jump the queue, nothing leaks.</summary>
public sealed class MemoryBudgetTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reserve_BeyondTheRoomLeft_WaitsUntilBytesAreGivenBack()
    {
        var budget = new MemoryBudget(1_000);
        var first = await budget.ReserveAsync(700, CancellationToken.None);

        var second = budget.ReserveAsync(400, CancellationToken.None).AsTask();

        Assert.False(second.IsCompleted);
        Assert.Equal(700, budget.Reserved);
        first.Dispose();
        using var granted = await second.WaitAsync(Bound);
        Assert.Equal(400, budget.Reserved);
    }

    [Fact]
    public async Task TryReserve_WhileATrackWaits_IsRefusedEvenIfItWouldFit()
    {
        // Chunks for parallelism must not starve admissions: 100 bytes fit, but a waiter comes first.
        var budget = new MemoryBudget(1_000);
        var held = await budget.ReserveAsync(800, CancellationToken.None);
        var waiting = budget.ReserveAsync(500, CancellationToken.None).AsTask();

        Assert.True(budget.HasWaiters);
        Assert.False(budget.TryReserve(100, out _));

        held.Dispose();
        (await waiting.WaitAsync(Bound)).Dispose();
        Assert.True(budget.TryReserve(100, out var extra));
        extra!.Dispose();
        Assert.Equal(0, budget.Reserved);
    }

    [Fact]
    public async Task Reserve_LargerThanTheWholeBudget_IsGrantedWhenNothingElseIsHeld()
    {
        var budget = new MemoryBudget(1_000);
        var small = await budget.ReserveAsync(10, CancellationToken.None);

        var huge = budget.ReserveAsync(5_000, CancellationToken.None).AsTask();
        Assert.False(huge.IsCompleted);

        small.Dispose();
        using var granted = await huge.WaitAsync(Bound);
        Assert.Equal(5_000, budget.Reserved);
        Assert.False(budget.TryReserve(1, out _));
    }

    [Fact]
    public async Task Reserve_Cancelled_LeavesTheQueueAndLetsTheNextOneIn()
    {
        var budget = new MemoryBudget(1_000);
        var held = await budget.ReserveAsync(600, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var big = budget.ReserveAsync(900, cancel.Token).AsTask();
        var small = budget.ReserveAsync(300, CancellationToken.None).AsTask();
        Assert.False(small.IsCompleted); // first come, first served: behind the 900

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => big.WaitAsync(Bound));
        using var granted = await small.WaitAsync(Bound);
        Assert.Equal(900, budget.Reserved);
        held.Dispose();
        Assert.Equal(300, budget.Reserved);
    }

    [Fact]
    public async Task Buffers_AreReusedAcrossReservations_AndPooledOnlyWithinTheBudget()
    {
        var budget = new MemoryBudget(4 * 1_000);
        var first = await budget.ReserveAsync(4 * 600, CancellationToken.None);
        var array = first.Rent(600);
        first.Dispose();

        var second = await budget.ReserveAsync(4 * 600, CancellationToken.None);
        Assert.Same(array, second.Rent(600));
        Assert.Throws<InvalidOperationException>(() => second.Rent(1));

        // A buffer of another length that would not fit beside the pooled one: the pooled one gives way.
        second.Dispose();
        var third = await budget.ReserveAsync(4 * 700, CancellationToken.None);
        var other = third.Rent(700);
        third.Dispose();
        var fourth = await budget.ReserveAsync(4 * 700, CancellationToken.None);
        Assert.Same(other, fourth.Rent(700));
        fourth.Dispose();
        var fifth = await budget.ReserveAsync(4 * 600, CancellationToken.None);
        Assert.NotSame(array, fifth.Rent(600));
        fifth.Dispose();
        Assert.Equal(0, budget.Reserved);
    }
}
