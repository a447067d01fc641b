namespace MixFleet.Jobs.Store;

/// <summary>Where a page of findings ends: the last row's album, track and rule.</summary>
/// <param name="AlbumKey">The album prefix.</param>
/// <param name="TrackKey">The track key ('' for an album-level rule).</param>
/// <param name="Rule">The rule id.</param>
public sealed record FindingCursor(string AlbumKey, string TrackKey, string Rule);
