namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>A damaged file: its number in the run, the seed it came from, its bytes and what was done to it.</summary>
internal sealed record Mutant(int Index, FuzzSeed Seed, byte[] Bytes, IReadOnlyList<string> Edits)
{
    public string FileName => $"{Index:D4}-{Seed.Name}{Seed.Extension}";

    public string Describe() => $"{FileName} ({Bytes.Length:N0} bytes): {string.Join("; ", Edits)}";
}
