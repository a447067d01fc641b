using System.Globalization;
using MixFleet.Analysis.Clipping;
using MixFleet.Analysis.Peaks;
using MixFleet.Analysis.SilenceDetection;

namespace MixFleet.Analysis.Defects;

/// <summary>
/// Gathers a track's defects: what <see cref="DefectMetric"/> found, judged by the rules below, and what the other
/// metrics already measure (dropouts, clipped runs, DC offset, over runs), exposed as defects rather than found twice.
/// </summary>
public static class DefectList
{
    /// <summary>Most defects of one kind listed with their place (the totals count them all).</summary>
    public const int MaxPerKind = 100;

    /// <summary>An edge (first/last 1 ms) louder than this, RMS of the loudest channel, is abrupt, dBFS.</summary>
    public const double AbruptEdgeDbfs = -30;

    /// <summary>L−R energy this far below the channels' (or bit-identical channels) makes a stereo file dual-mono, dB.</summary>
    public const double DualMonoDifferenceDb = -90;

    /// <summary>A whole-track L/R correlation below this is an inverted channel.</summary>
    public const double PolarityCorrelation = -0.9;

    /// <summary>A channel mean above this is a DC offset, dBFS.</summary>
    public const double DcOffsetDbfs = -40;

    /// <summary>The defects of a track from its measurements.</summary>
    public static DefectsResult Build(DefectFindings findings, ClippingResult clipping, SilenceResult silence, PeakResult peaks, int sampleRate, long frames, int channels)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(clipping);
        ArgumentNullException.ThrowIfNull(silence);
        ArgumentNullException.ThrowIfNull(peaks);
        var duration = (double)frames / sampleRate;
        var totals = DefectKinds.All.ToDictionary(k => k, _ => 0L, StringComparer.Ordinal);
        var items = new List<Defect>();

        void Add(string kind, IEnumerable<Defect> found, long? total = null)
        {
            var list = found.ToList();
            totals[kind] = total ?? list.Count;
            items.AddRange(list.Take(MaxPerKind));
        }

        Add(DefectKinds.Click, Clicks(findings.Clicks, sampleRate, channels));
        Add(DefectKinds.Dropout, silence.DropoutStartsSeconds.Select((start, i) => new Defect(
            DefectKinds.Dropout, start, i < silence.DropoutDurationsSeconds.Count ? silence.DropoutDurationsSeconds[i] : 0, null, "digital silence in every channel")), silence.Dropouts);
        if (findings.StartRmsDbfs is { } startDb && startDb > AbruptEdgeDbfs)
        {
            Add(DefectKinds.AbruptStart, [new Defect(DefectKinds.AbruptStart, 0, DefectMetric.EdgeSeconds, null, Text($"first 1 ms at {startDb:0.0} dBFS RMS: no fade-in, cut mid-waveform"))]);
        }

        if (findings.EndRmsDbfs is { } endDb && endDb > AbruptEdgeDbfs)
        {
            Add(DefectKinds.AbruptEnd, [new Defect(DefectKinds.AbruptEnd, Math.Max(0, duration - DefectMetric.EdgeSeconds), DefectMetric.EdgeSeconds, null, Text($"last 1 ms at {endDb:0.0} dBFS RMS: no fade-out, cut mid-waveform"))]);
        }

        if (channels == 2 && findings.Correlation is not null)
        {
            if (findings.Identical || findings.DifferenceDb is not { } diff || diff <= DualMonoDifferenceDb)
            {
                var detail = findings.Identical ? "left and right are bit-identical" : Text($"left minus right {findings.DifferenceDb:0.0} dB below the channels");
                Add(DefectKinds.DualMono, [new Defect(DefectKinds.DualMono, 0, duration, null, detail)]);
            }
            else if (findings.Correlation < PolarityCorrelation)
            {
                Add(DefectKinds.Polarity, [new Defect(DefectKinds.Polarity, 0, duration, null, Text($"L/R correlation {findings.Correlation:0.000}: one channel's polarity is inverted"))]);
            }
        }

        var dcLimit = Decibels.ToAmplitude(DcOffsetDbfs);
        Add(DefectKinds.DcOffset, clipping.DcOffset
            .Select((dc, c) => (dc, c))
            .Where(x => Math.Abs(x.dc) > dcLimit)
            .Select(x => new Defect(DefectKinds.DcOffset, 0, duration, x.c, Text($"mean {x.dc:+0.00000;-0.00000} ({20 * Math.Log10(Math.Abs(x.dc)):0.0} dBFS)"))));
        Add(DefectKinds.InterSampleOver, peaks.OverRuns.Select(r => new Defect(
            DefectKinds.InterSampleOver, (double)r.StartFrame / sampleRate, (double)r.Frames / sampleRate, r.Channel,
            Text($"peak {20 * Math.Log10(r.Peak):+0.00;-0.00} dBTP over the {peaks.OverCeilingDbtp:0.0} dBTP ceiling"))));
        Add(DefectKinds.Clipping, clipping.Runs.Select(r => new Defect(
            DefectKinds.Clipping, r.StartSeconds, (double)r.Samples / sampleRate, r.Channel, Text($"{r.Samples} consecutive samples at full scale"))), clipping.ClippedRuns);

        return new DefectsResult
        {
            Items = [.. items.OrderBy(d => d.AtSeconds).ThenBy(d => d.Channel ?? -1).ThenBy(d => d.Kind, StringComparer.Ordinal)],
            Totals = totals,
            OverCeilingDbtp = peaks.OverCeilingDbtp,
        };
    }

    // A click in every channel within 2 ms of the first is one defect of all channels.
    private static IEnumerable<Defect> Clicks(IReadOnlyList<Click> clicks, int sampleRate, int channels)
    {
        var window = (long)Math.Round(ClickDetector.MaxClickSeconds * sampleRate);
        var used = new bool[clicks.Count];
        for (var i = 0; i < clicks.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            var group = new List<int> { i };
            for (var j = i + 1; j < clicks.Count && clicks[j].Frame - clicks[i].Frame <= window; j++)
            {
                if (!used[j] && group.TrueForAll(g => clicks[g].Channel != clicks[j].Channel))
                {
                    group.Add(j);
                }
            }

            var all = channels > 1 && group.Count == channels;
            foreach (var g in all ? group : [i])
            {
                used[g] = true;
            }

            var first = clicks[i];
            var end = (all ? group : [i]).Max(g => clicks[g].Frame + clicks[g].Frames);
            var ratio = (all ? group : [i]).Max(g => clicks[g].RatioDb);
            yield return new Defect(DefectKinds.Click, (double)first.Frame / sampleRate, (double)(end - first.Frame) / sampleRate, all ? null : first.Channel, Text($"discontinuity {ratio:0} dB above the local signal"));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
