namespace MixFleet.Analysis.Engine;

/// <summary>
/// One budget of bytes shared by every track a process analyzes: a track is admitted with a reservation that covers
/// one chunk and its own state (<see cref="TrackMemory"/>), so an admitted track can always progress; chunks beyond the
/// first (parallelism inside the track) are reserved only while the budget has room and no track waits to be admitted.
/// Memory of the engine is therefore bounded by the budget whatever the cores and tracks in flight.
/// </summary>
/// <remarks>
/// <para>No deadlock: the only wait is admission, and an admitted track never waits for memory held by another track
/// (it waits only for its own chunks, which its own workers give back). A reservation larger than the whole budget is
/// granted when nothing else is reserved, so a track too large for the budget runs alone rather than never.</para>
/// <para>Chunk buffers are pooled here, by exact length: freed buffers are kept for the next track as long as the
/// buffers in use and the pooled ones together stay within the budget (pooled buffers of another length are dropped
/// when a new buffer would not fit beside them), so a worker analyzing thousands of tracks does not
/// allocate new large buffers for each, and the pool never holds memory the budget does not allow.</para>
/// </remarks>
public sealed class MemoryBudget
{
    /// <summary>The default budget, 512 MiB.</summary>
    public const int DefaultMegabytes = 512;

    private readonly object _lock = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly Dictionary<int, Stack<float[]>> _pool = [];
    private long _reserved;
    private int _tracks;
    private long _rented;
    private long _pooled;

    /// <summary>Creates a budget of <paramref name="bytes"/> bytes.</summary>
    public MemoryBudget(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        Bytes = bytes;
    }

    /// <summary>A budget of <paramref name="megabytes"/> MiB.</summary>
    public static MemoryBudget FromMegabytes(int megabytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(megabytes, 1);
        return new MemoryBudget(megabytes * 1024L * 1024);
    }

    /// <summary>The budget in bytes.</summary>
    public long Bytes { get; }

    /// <summary>Bytes reserved now.</summary>
    public long Reserved
    {
        get
        {
            lock (_lock)
            {
                return _reserved;
            }
        }
    }

    /// <summary>Reservations made with <see cref="ReserveAsync"/> (admitted tracks) held now.</summary>
    public int Admitted
    {
        get
        {
            lock (_lock)
            {
                return _tracks;
            }
        }
    }

    /// <summary>The most bytes ever reserved at once.</summary>
    public long PeakReserved { get; private set; }

    /// <summary>
    /// Waits until <paramref name="bytes"/> fit in the budget (first come, first served), or until nothing else is
    /// reserved when they exceed the whole budget. Dispose the result to give the bytes back.
    /// </summary>
    public async ValueTask<MemoryReservation> ReserveAsync(long bytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Waiter waiter;
        lock (_lock)
        {
            if (_waiters.Count == 0 && Fits(bytes))
            {
                return Grant(bytes, admission: true);
            }

            waiter = new Waiter(bytes);
            waiter.Node = _waiters.AddLast(waiter);
        }

        using (cancellationToken.Register(() => Cancel(waiter)))
        {
            return await waiter.Granted.Task.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reserves <paramref name="bytes"/> at once if they fit and no track waits to be admitted; false otherwise.
    /// </summary>
    public bool TryReserve(long bytes, out MemoryReservation? reservation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        lock (_lock)
        {
            if (_waiters.Count == 0 && _reserved + bytes <= Bytes)
            {
                reservation = Grant(bytes, admission: false);
                return true;
            }
        }

        reservation = null;
        return false;
    }

    /// <summary>True while a reservation waits (a track waits to be admitted).</summary>
    public bool HasWaiters
    {
        get
        {
            lock (_lock)
            {
                return _waiters.Count > 0;
            }
        }
    }

    internal float[] Rent(int length)
    {
        var size = 4L * length;
        lock (_lock)
        {
            _rented += size;
            if (_pool.TryGetValue(length, out var free) && free.TryPop(out var array))
            {
                _pooled -= size;
                return array;
            }

            // Buffers of other lengths give way: what is rented and what is pooled stay within the budget together.
            foreach (var (pooledLength, stack) in _pool)
            {
                while (_rented + _pooled > Bytes && stack.TryPop(out _))
                {
                    _pooled -= 4L * pooledLength;
                }
            }
        }

        return new float[length];
    }

    internal void Release(MemoryReservation reservation, List<float[]> arrays)
    {
        lock (_lock)
        {
            _reserved -= reservation.Bytes;
            _tracks -= reservation.Admission ? 1 : 0;
            foreach (var array in arrays)
            {
                var size = 4L * array.Length;
                _rented -= size;
                if (_rented + _pooled + size <= Bytes)
                {
                    if (!_pool.TryGetValue(array.Length, out var free))
                    {
                        _pool[array.Length] = free = new Stack<float[]>();
                    }

                    free.Push(array);
                    _pooled += size;
                }
            }

            arrays.Clear();
            GrantWaiters();
        }
    }

    private bool Fits(long bytes) => _reserved == 0 || _reserved + bytes <= Bytes;

    private MemoryReservation Grant(long bytes, bool admission)
    {
        _reserved += bytes;
        _tracks += admission ? 1 : 0;
        PeakReserved = Math.Max(PeakReserved, _reserved);
        return new MemoryReservation(this, bytes, admission);
    }

    private void GrantWaiters()
    {
        while (_waiters.First is { } first && Fits(first.Value.Bytes))
        {
            _waiters.RemoveFirst();
            first.Value.Granted.TrySetResult(Grant(first.Value.Bytes, admission: true));
        }
    }

    private void Cancel(Waiter waiter)
    {
        lock (_lock)
        {
            if (waiter.Node?.List is not null && waiter.Granted.TrySetCanceled())
            {
                _waiters.Remove(waiter.Node);
                // The head may have been what held the others back.
                GrantWaiters();
            }
        }
    }

    private sealed class Waiter(long bytes)
    {
        public long Bytes { get; } = bytes;

        public TaskCompletionSource<MemoryReservation> Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }
}
