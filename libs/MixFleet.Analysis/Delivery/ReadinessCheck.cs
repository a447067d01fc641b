namespace MixFleet.Analysis.Delivery;

/// <summary>One pre-mastering check: the measured value, the window it should fall in, and why.</summary>
/// <param name="Name">Check name (<c>peaks</c>, <c>mixLevel</c>, <c>notLimited</c>, <c>stereo</c>, <c>lowEnd</c>).</param>
/// <param name="Measured">The value judged (unit in <paramref name="Unit"/>); null when undefined.</param>
/// <param name="Unit">Unit of the value and window.</param>
/// <param name="WindowLow">Lowest acceptable value; null when unbounded.</param>
/// <param name="WindowHigh">Highest acceptable value; null when unbounded.</param>
/// <param name="Pass">Whether the value is in the window; null when it cannot be judged.</param>
/// <param name="Reason">One line a producer understands.</param>
public sealed record ReadinessCheck(string Name, double? Measured, string Unit, double? WindowLow, double? WindowHigh, bool? Pass, string Reason);
