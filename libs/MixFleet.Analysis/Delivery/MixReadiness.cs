namespace MixFleet.Analysis.Delivery;

/// <summary>
/// Whether a mix is ready to send to mastering: the windows mastering engineers commonly ask for. Heuristics, not a
/// standard: peaks between -6 and -3 dBFS (headroom to work with), integrated loudness -23 to -18 LUFS (a mix, not a
/// master), PLR at least 10 dB and true peak at most -1 dBTP (not already limited), a positive correlation without
/// phase trouble, and at most 25 % of the energy below 60 Hz.
/// </summary>
public static class MixReadiness
{
    /// <summary>Smallest PLR of an unlimited mix, dB (limited masters sit around 6–9 dB).</summary>
    public const double MinPlrDb = 10;

    /// <summary>Most energy share below 60 Hz.</summary>
    public const double MaxSubShare = 0.25;

    /// <summary>Judges a mix from its merged measurements.</summary>
    public static MixReadinessResult Judge(double? samplePeakDbfs, double? integratedLufs, double? plrDb, double? truePeakDbtp, double? correlation, bool phaseTrouble, double? subShare)
    {
        List<ReadinessCheck> checks =
        [
            Window("peaks", samplePeakDbfs, "dBFS", -6, -3, "peaks between -6 and -3 dBFS leave mastering room to work", "peaks above -3 dBFS leave mastering no headroom", "peaks below -6 dBFS: the mix is quieter than it needs to be"),
            Window("mixLevel", integratedLufs, "LUFS", -23, -18, "mix level between -23 and -18 LUFS is a healthy pre-master", "louder than -18 LUFS: it sounds mastered already", "quieter than -23 LUFS: gain up the mix bus"),
            NotLimited(plrDb, truePeakDbtp),
            Stereo(correlation, phaseTrouble),
            Window("lowEnd", subShare * 100, "%", null, MaxSubShare * 100, "sub-bass below 60 Hz is in proportion", "more than a quarter of the energy is below 60 Hz: check the sub and any rumble", string.Empty),
        ];
        return new MixReadinessResult(checks.All(c => c.Pass != false), checks);
    }

    private static ReadinessCheck NotLimited(double? plr, double? truePeak)
    {
        if (plr is not { } p)
        {
            return new ReadinessCheck("notLimited", null, "dB", MinPlrDb, null, null, "no loudness to judge (silence or too short)");
        }

        var limited = p < MinPlrDb;
        var hot = truePeak > -1;
        var reason = limited
            ? "peak-to-loudness ratio under 10 dB: the mix looks limited or heavily compressed; send it unlimited"
            : hot ? "true peak above -1 dBTP: take the limiter off the mix bus" : "peak-to-loudness ratio leaves the dynamics intact";
        return new ReadinessCheck("notLimited", p, "dB", MinPlrDb, null, !limited && !hot, reason);
    }

    private static ReadinessCheck Stereo(double? correlation, bool phaseTrouble)
    {
        if (correlation is not { } c)
        {
            return new ReadinessCheck("stereo", null, "correlation", 0, 1, null, "mono or a silent channel: no stereo check");
        }

        var pass = c >= 0 && !phaseTrouble;
        var reason = pass ? "left and right are in phase: it will survive mono playback" : "phase trouble: part of the mix cancels in mono; check polarity and wideners";
        return new ReadinessCheck("stereo", c, "correlation", 0, 1, pass, reason);
    }

    private static ReadinessCheck Window(string name, double? value, string unit, double? low, double? high, string ok, string tooHigh, string tooLow)
    {
        if (value is not { } v)
        {
            return new ReadinessCheck(name, null, unit, low, high, null, "not measurable (silence or too short)");
        }

        if (v > high)
        {
            return new ReadinessCheck(name, v, unit, low, high, false, tooHigh);
        }

        return v < low ? new ReadinessCheck(name, v, unit, low, high, false, tooLow) : new ReadinessCheck(name, v, unit, low, high, true, ok);
    }
}
