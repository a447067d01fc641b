namespace MixFleet.Jobs.Store;

/// <summary>What recording one listing page did.</summary>
/// <param name="Recorded">False when another consumer recorded this page first (nothing was changed).</param>
/// <param name="Claims">Album aggregations claimed by this page (albums sealed whose tracks had all settled).</param>
/// <param name="Completed">True when the job completed with this page.</param>
public sealed record PageOutcome(bool Recorded, IReadOnlyList<AlbumClaim> Claims, bool Completed);
