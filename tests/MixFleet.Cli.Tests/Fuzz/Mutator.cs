namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>
/// Makes the mutants of one run from one <see cref="Random"/> seed: mutant <c>i</c> is of family <c>i mod 4</c>
/// (WAV, RF64, AIFF, FLAC, a quarter each) from a seed of that family, with one to three edits, each header-aware
/// (two in three) or generic. The same seed always gives the same mutants.
/// </summary>
internal sealed class Mutator(IReadOnlyList<FuzzSeed> seeds, int seed)
{
    private readonly Random _random = new(seed);

    public IEnumerable<Mutant> Create(int count)
    {
        var families = Enum.GetValues<FuzzFamily>();
        for (var i = 0; i < count; i++)
        {
            var family = families[i % families.Length];
            var candidates = seeds.Where(s => s.Family == family).ToList();
            var source = candidates[_random.Next(candidates.Count)];
            var file = new MutableBytes(source.Bytes, _random);
            var edits = new List<string>();
            var n = 1 + _random.Next(3);
            for (var e = 0; e < n; e++)
            {
                edits.Add(_random.Next(3) == 0 ? ByteMutations.Apply(file) : Specific(file, source));
            }

            yield return new Mutant(i, source, file.ToArray(), edits);
        }
    }

    private static string Specific(MutableBytes file, FuzzSeed seed) => seed.Family switch
    {
        FuzzFamily.Wav or FuzzFamily.Rf64 => RiffMutations.Apply(file, seed.Float),
        FuzzFamily.Aiff => AiffMutations.Apply(file, seed.Float),
        _ => FlacMutations.Apply(file),
    };
}
