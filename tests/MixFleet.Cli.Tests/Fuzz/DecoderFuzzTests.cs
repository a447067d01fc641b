using System.Globalization;
using System.Text.Json.Nodes;
using MixFleet.Audio;
using MixFleet.Cli.Tests.Support;
using Xunit.Abstractions;

namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>
/// Decoder fuzzing through the real command (issues 11 and 16): a thousand mutants of real WAV, RF64, AIFF/AIFC and
/// FLAC files, headers and bodies, analyzed by <c>mixfleet analyze</c> as its own process in batches of a hundred.
/// Every run must finish within its bound and exit 0, 1 or 3 with its JSON report, stay within the memory bounds,
/// and report every file either measured or with an error code the decoders define (<see cref="AudioErrorCode"/>);
/// <c>internal-error</c>, a crash or a hang is a bug. Seeded: the seed is in every failure message, and
/// <c>MIXFLEET_FUZZ_SEED</c> (with <c>MIXFLEET_FUZZ_MUTANTS</c> for more or fewer files) reproduces a run or
/// explores others. A failing batch is kept on disk, and the file(s) that crash or hang a run are named by
/// analyzing that batch's files one at a time.
/// </summary>
public sealed class DecoderFuzzTests(ITestOutputHelper log) : IDisposable
{
    private const int DefaultSeed = 11_016;
    private const int DefaultMutants = 1_000;
    private const int BatchSize = 100;

    /// <summary>
    /// The managed heap the child may commit (DOTNET_GCHeapHardLimit): an allocation sized from a header word (a
    /// 4 GiB buffer) fails there as an out-of-memory <c>internal-error</c> even if its pages were never touched.
    /// </summary>
    private const long HeapLimitBytes = 512L << 20;

    /// <summary>Peak resident memory allowed for one run: runtime, engine and a hundred small files, with room to spare.</summary>
    private const long PeakResidentBound = 768L << 20;

    /// <summary>A batch of a hundred half-second files takes seconds; this bound only catches a hang.</summary>
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan FileTimeout = TimeSpan.FromMinutes(1);

    private static readonly HashSet<string> DocumentedCodes = [.. Enum.GetValues<AudioErrorCode>().Select(c => c.ToCode())];

    private readonly string _root = Directory.CreateTempSubdirectory("mixfleet-fuzz-").FullName;

    [Fact]
    public async Task Analyze_AThousandMutatedFiles_EachIsMeasuredOrGivenADocumentedCode_WithinTimeAndMemory()
    {
        var seed = EnvironmentInt("MIXFLEET_FUZZ_SEED", DefaultSeed);
        var count = EnvironmentInt("MIXFLEET_FUZZ_MUTANTS", DefaultMutants);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var seeds = FuzzSeeds.Create(Directory.CreateDirectory(Path.Combine(_root, "seeds")).FullName);
        log.WriteLine($"{seeds.Count} seeds made with ffmpeg in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var mutants = new Mutator(seeds, seed).Create(count).ToList();
        var context = $"fuzz seed {seed} (MIXFLEET_FUZZ_SEED={seed} reproduces it)";
        log.WriteLine($"{mutants.Count} mutants made in {clock.Elapsed.TotalSeconds:F1} s ({(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU)");

        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        long peak = 0;
        var batches = mutants.Chunk(BatchSize).ToList();
        for (var b = 0; b < batches.Count; b++)
        {
            // The unmutated seeds ride in the first batch: the control that the corpus is audio the CLI measures.
            var files = batches[b].Select(m => new FuzzFile(m.FileName, m.Bytes, m.Describe())).ToList();
            if (b == 0)
            {
                files.AddRange(seeds.Select(s => new FuzzFile($"seed-{s.Name}{s.Extension}", s.Bytes, $"unmutated seed {s.Name}", s)));
            }

            var folder = Directory.CreateDirectory(Path.Combine(_root, $"batch-{b:D2}")).FullName;
            foreach (var file in files)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder, file.Name), file.Bytes);
            }

            var (run, tracks) = await AnalyzeAsync(folder, BatchTimeout);
            log.WriteLine($"batch {b}: {files.Count} files, exit {run.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none (killed)"}, {run.Elapsed.TotalSeconds:F1} s, peak {run.PeakResidentBytes >> 20} MiB");
            peak = Math.Max(peak, run.PeakResidentBytes);
            var where = $"batch {b} ({folder})";
            var before = failures.Count;
            if (RunFailure(run, tracks, BatchTimeout) is { } broken)
            {
                failures.Add($"{where}: {broken}");
                failures.AddRange(await CulpritsAsync(files, folder));
            }
            else
            {
                Assert.True(tracks!.Count == files.Count, $"{context}, {where}: {tracks.Count} tracks reported for {files.Count} files");
                failures.AddRange(CheckTracks(files, tracks, outcomes, run.ExitCode!.Value).Select(f => $"{where}: {f}"));
            }

            if (failures.Count == before)
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        Assert.True(failures.Count == 0, $"{context}: {failures.Count} failure(s) (failing batches kept under {_root}):\n{string.Join('\n', failures.Take(40))}");

        // The fuzzing reaches past the first check: many files still decode, and the failures spread over the codes.
        var summary = $"{context}: {string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"))}; peak {peak >> 20} MiB";
        log.WriteLine(summary);
        Assert.True(outcomes.GetValueOrDefault("measured") >= count / 10, summary);
        Assert.True(outcomes.Keys.Count(DocumentedCodes.Contains) >= 8, summary);
    }

    /// <summary>Runs <c>mixfleet analyze</c> on a folder or file; the tracks of its JSON report, if it wrote one.</summary>
    private static async Task<(CliProcess.Result Run, JsonArray? Tracks)> AnalyzeAsync(string path, TimeSpan timeout)
    {
        var json = path.TrimEnd('/') + ".json";
        File.Delete(json);
        var run = await CliProcess.RunAsync(
            ["analyze", path, "--json", json],
            timeout,
            new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = $"0x{HeapLimitBytes:X}" });
        var tracks = File.Exists(json) ? JsonNode.Parse(await File.ReadAllTextAsync(json))?["tracks"]?.AsArray() : null;
        return (run, tracks);
    }

    /// <summary>What is wrong with a run as a whole: a hang, a crash, no report, a blown memory bound; null if nothing.</summary>
    private static string? RunFailure(CliProcess.Result run, JsonArray? tracks, TimeSpan timeout) =>
        run.ExitCode is null ? $"mixfleet analyze did not finish within {timeout}"
        : run.ExitCode is not (0 or 1 or 3) || tracks is null ? $"mixfleet analyze exited {run.ExitCode} {(tracks is null ? "without" : "with")} a JSON report: {Tail(run.Error)}"
        : run.PeakResidentBytes is <= 0 or > PeakResidentBound ? $"peak resident memory {run.PeakResidentBytes:N0} bytes, bound {PeakResidentBound:N0}"
        : null;

    /// <summary>Each file measured (loudness, rate, channels) or failed with a documented code naming it; seeds measured.</summary>
    private static List<string> CheckTracks(List<FuzzFile> files, JsonArray tracks, Dictionary<string, int> outcomes, int exitCode)
    {
        var failures = new List<string>();
        var failed = 0;
        foreach (var track in tracks)
        {
            var name = Path.GetFileName((string)track!["path"]!);
            var file = files.Single(f => f.Name == name);
            var code = (string?)track["error"]?["code"];
            var message = (string?)track["error"]?["message"] ?? string.Empty;
            failed += code is null ? 0 : 1;
            var measured = track["loudness"] is JsonObject && (int?)track["format"]?["sampleRate"] > 0 && (int?)track["format"]?["channels"] > 0;
            var outcome = code ?? (measured ? "measured" : "neither measured nor failed");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (outcome != "measured" && !DocumentedCodes.Contains(outcome))
            {
                failures.Add($"{file.Describe} → {outcome}: {message}");
            }
            else if (code is not null && !message.Contains(name, StringComparison.Ordinal))
            {
                failures.Add($"{file.Describe} → {code} without naming the file: {message}");
            }
            else if (file.Control is { } seed && (code is not null || (int?)track["format"]?["sampleRate"] != seed.SampleRate || (int?)track["format"]?["channels"] != seed.Channels))
            {
                failures.Add($"{file.Describe}: expected measured at {seed.SampleRate} Hz, {seed.Channels} channel(s), got {code ?? track["format"]?.ToJsonString()} {message}");
            }
        }

        if ((exitCode == 3) != (failed > 0))
        {
            failures.Add($"exit code {exitCode} with {failed} file(s) in error");
        }

        return failures;
    }

    /// <summary>After a batch crashed or hung: each of its files analyzed alone, naming those that break a run.</summary>
    private static async Task<List<string>> CulpritsAsync(List<FuzzFile> files, string folder)
    {
        var culprits = new List<string>();
        foreach (var file in files)
        {
            var (run, tracks) = await AnalyzeAsync(Path.Combine(folder, file.Name), FileTimeout);
            if (RunFailure(run, tracks, FileTimeout) is { } broken)
            {
                culprits.Add($"{file.Describe} → {broken.Split('\n')[0]}{FirstExceptionLine(run.Error)}");
            }
        }

        return culprits;
    }

    private static string FirstExceptionLine(string error) =>
        error.Split('\n').FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal)) is { } line ? " " + line.Trim() : string.Empty;

    private static int EnvironmentInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string Tail(string text) => text.Length <= 3000 ? text : text[^3000..];

    public void Dispose()
    {
        // A failing run keeps its batches for reproduction; a passing one leaves nothing.
        if (!Directory.EnumerateDirectories(_root, "batch-*").Any())
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>A file of a batch; <c>Control</c>, for an unmutated seed, is the format the report must show.</summary>
    private sealed record FuzzFile(string Name, byte[] Bytes, string Describe, FuzzSeed? Control = null);
}
