namespace MixFleet.Analysis.Defects;

/// <summary>One defect at a known place.</summary>
/// <param name="Kind">One of <see cref="DefectKinds"/>.</param>
/// <param name="AtSeconds">Where it starts (within 10 ms).</param>
/// <param name="DurationSeconds">How long it lasts (the whole track for dual-mono and polarity).</param>
/// <param name="Channel">Channel index from 0; null when it concerns every channel.</param>
/// <param name="Detail">What was measured, for a person.</param>
public sealed record Defect(string Kind, double AtSeconds, double DurationSeconds, int? Channel, string Detail);
