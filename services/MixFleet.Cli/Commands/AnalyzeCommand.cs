using System.CommandLine;
using MixFleet.Analysis;
using MixFleet.Analysis.Engine;
using MixFleet.Analysis.Peaks;
using MixFleet.Audio;
using MixFleet.Audio.Ffmpeg;
using MixFleet.Cli.Discovery;
using MixFleet.Cli.Output;
using MixFleet.Cli.Running;
using MixFleet.Reports;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Catalog;
using MixFleet.Reports.Json;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Rendering;
using MixFleet.Reports.Tracks;
using Spectre.Console;

namespace MixFleet.Cli.Commands;

/// <summary><c>mixfleet analyze &lt;paths...&gt;</c>: measure local files embedded, without broker or S3.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Audio files and folders. Folders are searched recursively; each folder of audio is one album.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<string?>("--json")
        {
            Description = "Write the JSON report to this file ('-' for standard output, which then carries only the JSON).",
            HelpName = "FILE",
        };
        var parallelism = new Option<int>("--parallelism", "-j")
        {
            Description = "Cores to use, shared by the files in flight and the chunks of each file (default: all cores).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        parallelism.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--parallelism must be at least 1.");
            }
        });
        var memoryBudget = new Option<int>("--memory-budget")
        {
            Description = "Memory budget of the analysis in MiB, shared by the files in flight: chunk buffers and per-file state stay within it, whatever --parallelism (default: MIXFLEET_MEMORY_BUDGET_MB, else 512).",
            HelpName = "MIB",
            DefaultValueFactory = _ => DefaultMemoryBudgetMb(),
        };
        memoryBudget.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 16)
            {
                result.AddError("--memory-budget must be at least 16 (MiB).");
            }
        });
        var profile = new Option<string?>("--profile")
        {
            Description = "QC profile: streaming, apple, ebu-r128, atsc-a85, cd, mix-for-mastering, or a YAML/JSON file. Without it only the album checks run.",
            HelpName = "NAME|FILE",
        };
        var csv = new Option<string?>("--csv")
        {
            Description = "Write the catalog (one row per album and per track, worst first) as CSV to this file ('-' for standard output).",
            HelpName = "FILE",
        };
        var html = new Option<string?>("--html")
        {
            Description = "Write the self-contained HTML report (plots and every verdict) to this file.",
            HelpName = "FILE",
        };
        var dualMono = new Option<bool>("--dual-mono")
        {
            Description = "Measure mono files as dual-mono (+3 dB, one signal on two speakers) instead of BS.1770's single channel.",
        };

        var loudnessOnly = new Option<bool>("--loudness-only")
        {
            Description = "Measure only loudness, loudness range and peaks (the fast path for a loudness gate).",
        };

        var truePeak = new Option<string>("--true-peak")
        {
            Description = "True-peak method: 'reconstruction' (default, band-limited reconstruction within 0.03 dB) or 'bs1770' (BS.1770-4 Annex 2's x4 interpolator as written, for conformance).",
            HelpName = "reconstruction|bs1770",
            DefaultValueFactory = _ => "reconstruction",
        };
        truePeak.AcceptOnlyFromAmong("reconstruction", "bs1770");

        var albumGainMode = new Option<string?>("--album-gain-mode")
        {
            Description = "How the album's proposed fix picks its one gain: 'album' (album loudness to the target; the default, or the profile's albumGainMode) or 'loudest-track' (the loudest track to the target).",
            HelpName = "album|loudest-track",
        };
        albumGainMode.AcceptOnlyFromAmong([.. AlbumGainModes.All]);

        var codecCheck = new Option<bool>("--codec-check")
        {
            Description = "Encode each track to AAC 256 kb/s and Opus 160 kb/s through ffmpeg, decode it and measure its true peak and overs (the codec preview; on with the streaming and apple profiles).",
        };

        var command = new Command("analyze", "Measure loudness (EBU R128 / BS.1770-4), loudness range and true peak of local files.")
        {
            paths, json, csv, html, profile, parallelism, memoryBudget, dualMono, loudnessOnly, truePeak, albumGainMode, codecCheck,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new AnalyzeRequest(parse.GetValue(paths)!, parse.GetValue(json), parse.GetValue(csv), parse.GetValue(html), parse.GetValue(profile), parse.GetValue(parallelism), parse.GetValue(memoryBudget), parse.GetValue(dualMono), parse.GetValue(loudnessOnly), parse.GetValue(truePeak) == "bs1770" ? TruePeakMode.Bs1770 : TruePeakMode.Reconstruction, parse.GetValue(albumGainMode), parse.GetValue(codecCheck)),
            output,
            error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(AnalyzeRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (new[] { request.JsonPath, request.CsvPath }.Count(p => p == "-") > 1 || request.HtmlPath == "-")
        {
            await error.WriteLineAsync("error: only one of --json and --csv can write to standard output, and --html needs a file.");
            return ExitCodes.UsageError;
        }

        QcProfile qcProfile;
        try
        {
            qcProfile = request.Profile is { } name ? QcProfileLoader.Resolve(name) : QcProfiles.None;
            if (request.AlbumGainMode is { } mode)
            {
                qcProfile = qcProfile with { AlbumGainMode = mode };
            }
        }
        catch (QcProfileException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.UsageError;
        }

        var (tracks, missing) = TrackDiscovery.Discover(request.Paths);
        foreach (var path in missing)
        {
            await error.WriteLineAsync($"error: '{path}' does not exist.");
        }

        if (missing.Count > 0)
        {
            return ExitCodes.UsageError;
        }

        if (tracks.Count == 0)
        {
            await error.WriteLineAsync($"error: no audio files found under {string.Join(", ", request.Paths)}.");
            return ExitCodes.UsageError;
        }

        var toStdout = request.JsonPath == "-" || request.CsvPath == "-";
        var errors = Consoles.For(error);
        using var budget = new CpuBudget(request.Parallelism);
        var memory = MemoryBudget.FromMegabytes(request.MemoryBudgetMb);
        var analysisOptions = new AnalysisOptions
        {
            DualMono = request.DualMono,
            LoudnessOnly = request.LoudnessOnly,
            TruePeak = request.TruePeak,
            // Inter-sample over events are listed against the profile's ceiling (the analyzer's -1 dBTP without one).
            OverCeilingDbtp = qcProfile.OverCeilingDbtp ?? AnalysisOptions.Default.OverCeilingDbtp,
        };
        // The codec preview runs on request or when the profile judges it (streaming, apple, codecCheck: true).
        var codecPreviews = request.CodecCheck || qcProfile.CodecCheck == true ? new CodecPreviews(analysisOptions, budget, new FfmpegOptions(), memory) : null;
        var runner = new AnalysisRunner(new AudioDecoder(new FfmpegDecoder()), analysisOptions, budget, memory, codecPreviews);
        var analyzed = errors.Profile.Capabilities.Interactive
            ? await errors.Progress()
                .AutoClear(true)
                .HideCompleted(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(ctx => runner.RunAsync(tracks, new ConsoleProgress(ctx, tracks.Count, errors), cancellationToken))
            : await runner.RunAsync(tracks, new PlainProgress(error, tracks.Count), cancellationToken);

        var reports = analyzed.Select(a => a.Report).ToList();
        var albums = AlbumReportBuilder.BuildAll(analyzed.Select(a => a.Album), qcProfile);
        var document = new AnalysisReport
        {
            AnalyzerVersion = AnalyzerVersion.Current,
            Tracks = reports,
            Profile = qcProfile.Name ?? "custom",
            Albums = albums,
            Catalog = CatalogBuilder.Build(albums),
        };
        if (request.JsonPath is { } jsonPath)
        {
            await ReportOutput.WriteAsync(jsonPath, ReportJson.Serialize(document) + Environment.NewLine, output, cancellationToken);
        }

        if (request.CsvPath is { } csvPath)
        {
            await ReportOutput.WriteAsync(csvPath, CatalogCsv.ToCsv(document.Catalog), output, cancellationToken);
        }

        if (request.HtmlPath is { } htmlPath)
        {
            await ReportOutput.WriteAsync(htmlPath, HtmlReport.Render(document, qcProfile), output, cancellationToken);
        }

        var failed = reports.Count(r => r.Error is not null);
        var gateFailed = albums.Any(a => a.Status == VerdictStatus.Fail);
        if (!toStdout)
        {
            var console = Consoles.For(output);
            console.Write(ResultTable.Build(reports));
            console.Write(AlbumTable.Build(albums, document.Profile));
            if (FixTable.Build(albums) is { } fixes)
            {
                console.Write(fixes);
            }

            console.MarkupLineInterpolated($"{reports.Count - failed} of {reports.Count} file(s) analyzed{(failed > 0 ? $", {failed} failed" : string.Empty)}; QC {(gateFailed ? "failed" : "passed")} (profile {document.Profile}).");
        }

        // 3 over 1: a file that could not be analyzed leaves the QC incomplete; both fail a CI gate.
        return failed > 0 ? ExitCodes.SomeFilesFailed : gateFailed ? ExitCodes.QcFailed : ExitCodes.Success;
    }

    /// <summary>The environment variable of the CLI's memory budget (the worker's is <c>MixFleet__Worker__MemoryBudgetMb</c>).</summary>
    public const string MemoryBudgetVariable = "MIXFLEET_MEMORY_BUDGET_MB";

    // An unset or unparsable variable is the default.
    private static int DefaultMemoryBudgetMb() =>
        int.TryParse(Environment.GetEnvironmentVariable(MemoryBudgetVariable), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mb)
            ? mb
            : MemoryBudget.DefaultMegabytes;

    private sealed record AnalyzeRequest(string[] Paths, string? JsonPath, string? CsvPath, string? HtmlPath, string? Profile, int Parallelism, int MemoryBudgetMb, bool DualMono, bool LoudnessOnly, TruePeakMode TruePeak, string? AlbumGainMode, bool CodecCheck);
}
