namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>The container a seed file is in: decides which header-aware mutations apply to it.</summary>
internal enum FuzzFamily
{
    Wav,
    Rf64,
    Aiff,
    Flac,
}
