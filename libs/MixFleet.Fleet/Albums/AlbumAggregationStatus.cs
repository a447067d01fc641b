namespace MixFleet.Fleet.Albums;

/// <summary>What <see cref="AlbumAggregationUseCase"/> did with an album.</summary>
public enum AlbumAggregationStatus
{
    /// <summary>At least one audio object of the album has no current track report (or the album has no audio): nothing written.</summary>
    NotComplete,

    /// <summary>Every track is done: the album's JSON, CSV and HTML were written.</summary>
    Written,
}
