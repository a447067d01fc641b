namespace MixFleet.Jobs.Store;

/// <summary>A finding of one of a job's albums, as the dashboard lists them.</summary>
/// <param name="AlbumKey">The album prefix.</param>
/// <param name="Finding">The verdict.</param>
public sealed record JobFinding(string AlbumKey, AlbumFinding Finding);
