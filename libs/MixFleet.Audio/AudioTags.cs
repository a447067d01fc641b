namespace MixFleet.Audio;

/// <summary>Descriptive tags of a track. Every field is optional; values are as stored, trimmed.</summary>
public sealed record AudioTags
{
    /// <summary>No tags.</summary>
    public static AudioTags Empty { get; } = new();

    /// <summary>Track title.</summary>
    public string? Title { get; init; }

    /// <summary>Track artist.</summary>
    public string? Artist { get; init; }

    /// <summary>Album title.</summary>
    public string? Album { get; init; }

    /// <summary>Album artist.</summary>
    public string? AlbumArtist { get; init; }

    /// <summary>Track number as stored, e.g. <c>3</c> or <c>3/12</c>.</summary>
    public string? TrackNumber { get; init; }

    /// <summary>Disc number as stored, e.g. <c>1</c> or <c>1/2</c>.</summary>
    public string? DiscNumber { get; init; }

    /// <summary>International Standard Recording Code as stored (not validated here).</summary>
    public string? Isrc { get; init; }

    /// <summary>Free-text description, e.g. the BWF <c>bext</c> Description field.</summary>
    public string? Description { get; init; }

    /// <summary>Who made the recording, e.g. the BWF <c>bext</c> Originator field.</summary>
    public string? Originator { get; init; }
}
