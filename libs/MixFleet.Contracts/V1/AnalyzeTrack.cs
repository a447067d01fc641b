namespace MixFleet.Contracts.V1;

/// <summary>Command: analyze one audio object and write its track report.</summary>
public sealed record AnalyzeTrack
{
    /// <summary>The scan or event batch this belongs to.</summary>
    public required Guid JobId { get; init; }

    /// <summary>The audio object.</summary>
    public required ObjectRef Source { get; init; }

    /// <summary>The album prefix (the key's folder, e.g. <c>label/artist/album/</c>).</summary>
    public required string AlbumKey { get; init; }

    /// <summary>QC profile name (<c>streaming</c>, <c>ebu-r128</c>, …).</summary>
    public required string Profile { get; init; }
}
