using System.Globalization;
using MixFleet.Analysis.Loudness;
using MixFleet.Reports.Qc;

namespace MixFleet.Reports.Albums;

/// <summary>
/// Builds album reports from per-track inputs: order, album loudness from the pooled block and short-term histograms
/// (no second decode), deviations, sequencing, headroom, format and metadata consistency, and every verdict.
/// </summary>
public static class AlbumReportBuilder
{
    /// <summary>One report per album (in album key order); ISRCs are also checked for duplicates across the whole run.</summary>
    public static IReadOnlyList<AlbumReport> BuildAll(IEnumerable<AlbumTrackInput> tracks, QcProfile profile)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var list = tracks.ToList();
        var runIsrcs = CountIsrcs(list);
        return list.GroupBy(t => t.Album, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Build(g.Key, g.ToList(), profile, runIsrcs))
            .ToList();
    }

    /// <summary>How many tracks carry each (normalized) ISRC.</summary>
    public static IReadOnlyDictionary<string, int> CountIsrcs(IEnumerable<AlbumTrackInput> tracks) =>
        tracks.Select(t => Isrc.Normalize(t.Tags?.Isrc)).OfType<string>()
            .GroupBy(c => c, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>
    /// The report of one album. <paramref name="runIsrcCounts"/> counts ISRCs over the whole run (this album
    /// included), so a code shared with another album fails too; pass null to check within the album only.
    /// </summary>
    public static AlbumReport Build(string albumKey, IReadOnlyList<AlbumTrackInput> tracks, QcProfile profile, IReadOnlyDictionary<string, int>? runIsrcCounts = null)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(profile);
        var (ordered, numbering) = AlbumOrdering.Order(tracks);
        var analyzed = ordered.Where(p => p.Track.Error is null).Select(p => p.Track).ToList();

        // BS.1770-4 treats the album as one programme: gate the pooled blocks, not the track values.
        // From each track's histograms (docs/album-report.md): within 0.01 LU of gating every block of every track.
        var data = analyzed.Select(t => t.Loudness).OfType<AlbumLoudnessData>().ToList();
        var integrated = AlbumLoudness.IntegratedLufs(data.Select(d => LoudnessHistogram.Decode(d.BlockHistogram)));
        var loudnessRange = AlbumLoudness.LoudnessRangeLu(data.Select(d => LoudnessHistogram.Decode(d.ShortTermHistogram)));
        var levels = analyzed.Select(t => t.IntegratedLufs).OfType<double>().ToList();
        var truePeak = analyzed.Select(t => t.TruePeakDbtp).OfType<double>().DefaultIfEmpty(double.NaN).Max();
        var samplePeak = analyzed.Select(t => t.SamplePeakDbfs).OfType<double>().DefaultIfEmpty(double.NaN).Max();
        var loudness = new AlbumLoudnessReport
        {
            IntegratedLufs = Round(integrated),
            LoudnessRangeLu = Round(loudnessRange),
            TruePeakDbtp = NaNToNull(truePeak),
            SamplePeakDbfs = NaNToNull(samplePeak),
            SpreadLu = levels.Count > 0 ? Round(levels.Max() - levels.Min()) : null,
            AlbumGainDb = integrated is { } i ? Round(AlbumLoudnessReport.ReplayGainReferenceLufs - i) : null,
            AlbumPeak = double.IsNaN(truePeak) ? null : Math.Round(Math.Pow(10, truePeak / 20), 6),
        };

        var albumFix = ProposedFixes.ForAlbum(analyzed, Round(integrated), loudness.TruePeakDbtp, profile);
        var albumIsrcs = CountIsrcs(tracks);
        var trackReports = new List<AlbumTrackReport>(ordered.Count);
        var start = 0.0;
        for (var n = 0; n < ordered.Count; n++)
        {
            var (track, position) = ordered[n];
            var verdicts = TrackRules.Evaluate(track, profile).ToList();
            var deviation = track.IntegratedLufs is { } t && integrated is { } a ? t - a : (double?)null;
            if (deviation is { } dev && track.Error is null)
            {
                var max = profile.MaxTrackDeviationLu ?? QcProfile.DefaultMaxTrackDeviationLu;
                verdicts.Add(Math.Abs(dev) <= max
                    ? Verdicts.Of("album-deviation", VerdictStatus.Pass, dev, "LU", Invariant($"within ±{max:0.0} LU of the album"), "sits with the album")
                    : Verdicts.Of("album-deviation", VerdictStatus.Warn, dev, "LU", Invariant($"within ±{max:0.0} LU of the album"), Invariant($"sticks out: {Math.Abs(dev):0.0} LU {(dev > 0 ? "louder" : "quieter")} than the album")));
            }

            verdicts.Add(IsrcVerdict(track.Tags?.Isrc, albumIsrcs, runIsrcCounts, profile.RequireIsrc == true));
            var ceilingIsSamplePeak = profile.MaxTruePeakDbtp is null && profile.MaxSamplePeakDbfs is not null;
            var peakForHeadroom = ceilingIsSamplePeak ? track.SamplePeakDbfs : track.TruePeakDbtp;
            trackReports.Add(new AlbumTrackReport
            {
                Number = position.Number,
                Path = track.Path,
                Position = n + 1,
                Disc = position.Disc,
                Side = position.Side,
                Label = position.Label,
                NumberSource = position.Source,
                Title = track.Tags?.Title,
                Isrc = track.Tags?.Isrc,
                DurationSeconds = track.DurationSeconds,
                StartSeconds = Math.Round(start, 3),
                IntegratedLufs = track.IntegratedLufs,
                DeviationLu = Round(deviation),
                LoudnessRangeLu = track.LoudnessRangeLu,
                TruePeakDbtp = track.TruePeakDbtp,
                SamplePeakDbfs = track.SamplePeakDbfs,
                HeadroomDb = peakForHeadroom is { } pk ? Round(profile.PeakCeilingDb - pk) : null,
                LeadingSilenceSeconds = track.LeadingSilenceSeconds,
                TrailingSilenceSeconds = track.TrailingSilenceSeconds,
                ShortTermLufs = track.Loudness?.ShortTermLufs ?? [],
                ShortTermStepSeconds = track.Loudness?.ShortTermStepSeconds ?? 1,
                SpectrumBands = track.SpectrumBands,
                Status = Verdicts.Worst(verdicts),
                Verdicts = verdicts,
                ErrorCode = track.Error?.Code,
                Fix = ProposedFixes.ForTrack(track, profile),
                AlbumFix = ProposedFixes.UnderAlbumGain(track, albumFix, profile),
                Defects = track.Defects ?? [],
                DefectTotals = track.DefectTotals,
                CodecPreview = track.CodecPreview,
            });
            start += track.DurationSeconds ?? 0;
        }

        var transitions = Transitions(ordered);
        var format = FormatOf(analyzed);
        var metadata = new AlbumMetadataReport
        {
            AlbumTitles = Distinct(tracks.Select(t => t.Tags?.Album)),
            AlbumArtists = Distinct(tracks.Select(t => t.Tags?.AlbumArtist)),
            TracksWithIsrc = tracks.Count(t => !string.IsNullOrWhiteSpace(t.Tags?.Isrc)),
        };
        var sequencing = new SequencingReport
        {
            TrackCount = ordered.Count,
            TotalSeconds = Math.Round(start, 3),
            CdRunningTimeSeconds = Math.Round(start + SequencingReport.CdPregapSeconds, 3),
            Transitions = transitions,
        };
        var albumVerdicts = numbering
            .Concat(AlbumRules.Sequencing(sequencing, profile))
            .Concat(AlbumRules.Consistency(format, metadata))
            .ToList();

        return new AlbumReport
        {
            Name = metadata.AlbumTitles.Count == 1 ? metadata.AlbumTitles[0] : System.IO.Path.GetFileName(albumKey.TrimEnd('/', '\\')) is { Length: > 0 } folder ? folder : albumKey,
            Path = albumKey,
            Profile = profile.Name ?? "custom",
            Status = Verdicts.Worst(albumVerdicts.Concat(trackReports.SelectMany(t => t.Verdicts))),
            Loudness = loudness,
            Fix = albumFix,
            Tracks = trackReports,
            Sequencing = sequencing,
            Format = format,
            Metadata = metadata,
            Verdicts = albumVerdicts,
        };
    }

    /// <summary>
    /// Each join: the last 3 s of a track against the first 3 s of the next (the raw edges), body against body (the
    /// outgoing track's loudness before its fade-out against the incoming one's after its fade-in), and the gap.
    /// </summary>
    private static List<TransitionReport> Transitions(IReadOnlyList<(AlbumTrackInput Track, TrackPosition Position)> ordered)
    {
        var transitions = new List<TransitionReport>();
        for (var n = 0; n + 1 < ordered.Count; n++)
        {
            var (from, fromPosition) = ordered[n];
            var (to, toPosition) = ordered[n + 1];
            var last = from.Loudness?.LastShortTermLufs;
            var first = to.Loudness?.FirstShortTermLufs;
            var fromBody = from.Error is null ? from.Edges?.OutroBodyLufs : null;
            var toBody = to.Error is null ? to.Edges?.IntroBodyLufs : null;
            transitions.Add(new TransitionReport
            {
                From = Label(fromPosition, n),
                To = Label(toPosition, n + 1),
                GapSeconds = from.TrailingSilenceSeconds is { } trailing && to.LeadingSilenceSeconds is { } leading ? Math.Round(trailing + leading, 3) : null,
                FromLastLufs = Round(last),
                ToFirstLufs = Round(first),
                JumpLu = last is { } l && first is { } f ? Round(f - l) : null,
                FromBodyLufs = fromBody,
                ToBodyLufs = toBody,
                FromFadeOutSeconds = from.Error is null ? from.Edges?.FadeOutSeconds : null,
                ToFadeInSeconds = to.Error is null ? to.Edges?.FadeInSeconds : null,
                BodyJumpLu = fromBody is { } ob && toBody is { } ib ? Round(ib - ob) : null,
            });
        }

        return transitions;
    }

    private static string Label(TrackPosition position, int index) =>
        position.Number is null ? $"#{(index + 1).ToString(CultureInfo.InvariantCulture)}" : position.Label;

    private static AlbumFormatReport FormatOf(IReadOnlyList<AlbumTrackInput> analyzed)
    {
        var formats = analyzed.Select(t => t.Format).OfType<Tracks.FormatReport>().ToList();
        var rates = formats.Select(f => f.SampleRate).Distinct().Order().ToList();
        var bits = formats.Select(f => f.BitDepth).OfType<int>().Distinct().Order().ToList();
        var channels = formats.Select(f => f.Channels).Distinct().Order().ToList();
        return new AlbumFormatReport { SampleRates = rates, BitDepths = bits, Channels = channels, Consistent = rates.Count <= 1 && bits.Count <= 1 && channels.Count <= 1 };
    }

    private static RuleVerdict IsrcVerdict(string? code, IReadOnlyDictionary<string, int> album, IReadOnlyDictionary<string, int>? run, bool required)
    {
        const string Threshold = "present, CC-XXX-YY-NNNNN, unique";
        if (string.IsNullOrWhiteSpace(code))
        {
            return new RuleVerdict { Rule = "isrc", Status = required ? VerdictStatus.Fail : VerdictStatus.Warn, Threshold = Threshold, Reason = "no ISRC" };
        }

        var normalized = Isrc.Normalize(code);
        if (normalized is null)
        {
            return new RuleVerdict { Rule = "isrc", Status = VerdictStatus.Fail, Measured = code, Threshold = Threshold, Reason = $"'{code}' is not a well-formed ISRC (CC-XXX-YY-NNNNN)" };
        }

        if (album.GetValueOrDefault(normalized) > 1)
        {
            return new RuleVerdict { Rule = "isrc", Status = VerdictStatus.Fail, Measured = code, Threshold = Threshold, Reason = $"ISRC {normalized} is used by {album[normalized]} tracks of this album" };
        }

        if (run is not null && run.GetValueOrDefault(normalized) > 1)
        {
            return new RuleVerdict { Rule = "isrc", Status = VerdictStatus.Fail, Measured = code, Threshold = Threshold, Reason = $"ISRC {normalized} is also used on another album of this run" };
        }

        return new RuleVerdict { Rule = "isrc", Status = VerdictStatus.Pass, Measured = code, Threshold = Threshold, Reason = "well-formed and unique" };
    }

    private static List<string> Distinct(IEnumerable<string?> values) =>
        values.OfType<string>().Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;

    private static double? NaNToNull(double value) => double.IsNaN(value) ? null : Math.Round(value, 2);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
