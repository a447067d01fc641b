namespace MixFleet.Reports.Albums;

/// <summary>Where a track's number came from.</summary>
public enum NumberSource
{
    /// <summary>No number found.</summary>
    None,

    /// <summary>The track-number tag.</summary>
    Tag,

    /// <summary>The file name.</summary>
    FileName,
}
