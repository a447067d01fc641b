namespace MixFleet.Analysis.Engine;

/// <summary>
/// Bytes held from a <see cref="MemoryBudget"/>, and the buffers rented against them. Disposing gives the bytes back
/// and the buffers to the budget's pool; nothing rented may be used afterwards.
/// </summary>
public sealed class MemoryReservation : IDisposable
{
    private readonly MemoryBudget _budget;
    private readonly List<float[]> _arrays = [];
    private long _rented;
    private bool _disposed;

    internal MemoryReservation(MemoryBudget budget, long bytes, bool admission)
    {
        _budget = budget;
        Bytes = bytes;
        Admission = admission;
    }

    /// <summary>True for a track's admission (<see cref="MemoryBudget.ReserveAsync"/>).</summary>
    internal bool Admission { get; }

    /// <summary>The bytes held.</summary>
    public long Bytes { get; }

    /// <summary>A buffer of exactly <paramref name="length"/> floats (stale contents), counted against this reservation.</summary>
    /// <exception cref="InvalidOperationException">The reservation has not that many bytes left.</exception>
    internal float[] Rent(int length)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_rented + (4L * length) > Bytes)
        {
            throw new InvalidOperationException($"A buffer of {length} floats exceeds the reservation ({Bytes - _rented} of {Bytes} bytes left).");
        }

        _rented += 4L * length;
        var array = _budget.Rent(length);
        _arrays.Add(array);
        return array;
    }

    /// <summary>Gives the bytes back to the budget and the buffers to its pool.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _budget.Release(this, _arrays);
    }
}
