namespace MixFleet.Analysis.Delivery;

/// <summary>The pre-mastering view of a mix.</summary>
/// <param name="Ready">Every check that could be judged passed.</param>
/// <param name="Checks">The checks, in order.</param>
public sealed record MixReadinessResult(bool Ready, IReadOnlyList<ReadinessCheck> Checks);
