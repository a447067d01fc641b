namespace MixFleet.Analysis.Defects;

/// <summary>Sums over a two-channel stretch that tell dual-mono and inverted polarity apart.</summary>
/// <param name="Left">ΣL².</param>
/// <param name="Right">ΣR².</param>
/// <param name="Difference">Σ(L−R)².</param>
/// <param name="Sum">Σ(L+R)².</param>
/// <param name="Identical">Whether every L sample equals its R sample bit for bit.</param>
public sealed record ChannelSums(double Left, double Right, double Difference, double Sum, bool Identical)
{
    /// <summary>The sums of two stretches together.</summary>
    public ChannelSums Plus(ChannelSums other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Left + other.Left, Right + other.Right, Difference + other.Difference, Sum + other.Sum, Identical && other.Identical);
    }
}
