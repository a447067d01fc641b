using MixFleet.Analysis.Clipping;
using MixFleet.Analysis.Defects;
using MixFleet.Analysis.Delivery;
using MixFleet.Analysis.Dynamics;
using MixFleet.Analysis.SilenceDetection;
using MixFleet.Analysis.Spectrum;
using MixFleet.Analysis.Stereo;

namespace MixFleet.Reports.Tracks;

/// <summary>Maps the track metrics to their report records: dB to 0.01, correlations to 0.001, seconds to 1 ms.</summary>
internal static class MetricReports
{
    public static DynamicsReport? Dynamics(DynamicsResult? d) => d is null ? null : new()
    {
        PeakToLoudnessRatioDb = Db(d.PeakToLoudnessRatioDb),
        CrestFactorDb = Db(d.CrestFactorDb),
        DrScore = d.DrScore,
        ChannelDr = [.. d.ChannelDr.Select(Db)],
        ShortTermLufsPerSecond = [.. d.ShortTermLufsPerSecond.Select(Db)],
        ShortTermStepSeconds = d.ShortTermStepSeconds,
    };

    public static StereoReport? Stereo(StereoResult? s) => s is null ? null : new()
    {
        Correlation = Round(s.Correlation, 3),
        WorstWindowCorrelation = Round(s.WorstWindowCorrelation, 3),
        WorstWindowStartSeconds = Round(s.WorstWindowStartSeconds, 3),
        WidthDb = Db(s.WidthDb),
        MonoFoldDownLossDb = Db(s.MonoFoldDownLossDb),
        BalanceDb = Db(s.BalanceDb),
        PhaseTrouble = s.PhaseTrouble,
    };

    public static SpectrumReport? Spectrum(SpectrumResult? s) => s is null ? null : new()
    {
        Bands = [.. s.Bands.Select(b => new SpectrumBandReport { Name = b.Name, LowHz = b.LowHz, HighHz = b.HighHz, EnergyPercent = Math.Round(b.Share * 100, 2), LevelDb = Db(b.LevelDb) })],
        TiltDbPerOctave = Db(s.TiltDbPerOctave),
        Muddy = s.Muddy,
        Harsh = s.Harsh,
    };

    public static ClippingReport? Clipping(ClippingResult? c) => c is null ? null : new()
    {
        ClippedRuns = c.ClippedRuns,
        LongestRunSamples = c.LongestRunSamples,
        Runs = [.. c.Runs.Select(r => new ClippedRunReport { Channel = r.Channel, StartSeconds = Math.Round(r.StartSeconds, 3), Samples = r.Samples })],
        InterSampleOvers = c.InterSampleOvers,
        DcOffset = [.. c.DcOffset.Select(v => Math.Round(v, 6))],
    };

    public static SilenceReport? Silence(SilenceResult? s) => s is null ? null : new()
    {
        LeadingSeconds = Math.Round(s.LeadingSeconds, 3),
        TrailingSeconds = Math.Round(s.TrailingSeconds, 3),
        Dropouts = s.Dropouts,
        LongestDropoutSeconds = Math.Round(s.LongestDropoutSeconds, 3),
        DropoutStartsSeconds = [.. s.DropoutStartsSeconds.Select(v => Math.Round(v, 3))],
    };

    public static IReadOnlyList<StreamingReport>? Streaming(IReadOnlyList<StreamingGain>? gains) => gains is null ? null :
        [.. gains.Select(g => new StreamingReport
        {
            Platform = g.Platform.Name,
            TargetLufs = g.Platform.TargetLufs,
            TurnsUp = g.Platform.TurnsUp,
            GainDb = Db(g.GainDb),
            PeakLimited = g.PeakLimited,
            TruePeakAfterDbtp = Db(g.TruePeakAfterDbtp),
        })];

    public static MixReadinessReport? MixReadiness(MixReadinessResult? r) => r is null ? null : new()
    {
        Ready = r.Ready,
        Checks = [.. r.Checks.Select(c => new ReadinessCheckReport
        {
            Name = c.Name,
            Measured = Round(c.Measured, c.Unit == "correlation" ? 3 : 2),
            Unit = c.Unit,
            WindowLow = c.WindowLow,
            WindowHigh = c.WindowHigh,
            Pass = c.Pass,
            Reason = c.Reason,
        })],
    };

    public static IReadOnlyList<DefectReport>? Defects(DefectsResult? d) => d is null ? null :
        [.. d.Items.Select(x => new DefectReport
        {
            Kind = x.Kind,
            AtSeconds = Math.Round(x.AtSeconds, 3) + 0.0,
            DurationSeconds = Math.Round(x.DurationSeconds, 4) + 0.0,
            Channel = x.Channel,
            Detail = x.Detail,
        })];

    private static double? Db(double? value) => Round(value, 2);

    // + 0.0 turns a rounded -0 into 0, so a report never shows "-0".
    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) + 0.0 : null;
}
