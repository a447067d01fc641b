namespace MixFleet.Analysis.Format;

/// <summary>A chunk's integer sample codes OR-ed together, and whether any sample was not an integer code.</summary>
/// <param name="Codes">Bitwise OR of every sample's integer code.</param>
/// <param name="NonInteger">A sample fell between codes (the data is not integer PCM of the stated depth).</param>
public sealed record BitDepthPartial(int Codes, bool NonInteger);
