namespace MixFleet.Analysis.Engine;

/// <summary>
/// One budget of cores shared by everything a process analyzes: decoding a chunk and analyzing a chunk each hold a
/// slot while they compute, whichever track they belong to. Tracks in flight and chunks in flight therefore never
/// keep more cores busy than the budget, so a CLI run or a worker never oversubscribes the machine.
/// </summary>
/// <remarks>A slot is never held while waiting for anything else (queue space, I/O), so slots cannot deadlock.</remarks>
public sealed class CpuBudget : IDisposable
{
    private readonly SemaphoreSlim _slots;

    /// <summary>Creates a budget of <paramref name="cores"/> slots.</summary>
    public CpuBudget(int cores)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cores, 1);
        Cores = cores;
        _slots = new SemaphoreSlim(cores, cores);
    }

    /// <summary>A budget of every core of the machine.</summary>
    public static CpuBudget ForMachine() => new(Environment.ProcessorCount);

    /// <summary>Slots in the budget.</summary>
    public int Cores { get; }

    /// <summary>Waits for a slot; dispose the result to give it back.</summary>
    public async ValueTask<Slot> AcquireAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(_slots);
    }

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();

    /// <summary>A held slot.</summary>
    public readonly struct Slot : IDisposable
    {
        private readonly SemaphoreSlim? _slots;

        internal Slot(SemaphoreSlim slots) => _slots = slots;

        /// <summary>Gives the slot back.</summary>
        public void Dispose() => _slots?.Release();
    }
}
