namespace MixFleet.Cli.Discovery;

/// <summary>One file to analyze and the album (folder) it belongs to.</summary>
/// <param name="Path">The file, as the user would recognise it.</param>
/// <param name="Album">The album: the folder that holds the file.</param>
internal sealed record TrackSource(string Path, string Album);
