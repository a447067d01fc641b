namespace MixFleet.Fleet.Albums;

/// <summary>What <see cref="AlbumAggregationUseCase"/> did with an album.</summary>
public enum AlbumAggregationStatus
{
    /// <summary>No track report of the album could be read: nothing written.</summary>
    NotComplete,

    /// <summary>Every track is done: the album's JSON, CSV and HTML were written.</summary>
    Written,
}
