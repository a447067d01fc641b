namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>
/// One valid file the mutants are made from, with what a correct decoder reads from it: the control that the corpus
/// is real audio the CLI measures before it is damaged.
/// </summary>
internal sealed record FuzzSeed(string Name, FuzzFamily Family, string Extension, byte[] Bytes, int SampleRate, int Channels)
{
    /// <summary>The samples are IEEE float (NaN, infinities and huge values are then possible sample values).</summary>
    public bool Float { get; init; }
}
