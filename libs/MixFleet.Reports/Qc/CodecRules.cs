using System.Globalization;
using MixFleet.Reports.Albums;

namespace MixFleet.Reports.Qc;

/// <summary>
/// "Survives the encode" (docs/album-report.md): one verdict per codec of the track's codec preview, rule
/// <c>survives-encode-CODEC</c>, against the profile's peak ceiling C (<see cref="QcProfile.OverCeilingDbtp"/>):
/// pass when the decoded true peak is at most C; warn above C up to 0 dBTP (the decode keeps less margin than the
/// profile asks, but nothing clips); fail above max(C, 0 dBTP), where a player's fixed-point output clips.
/// </summary>
public static class CodecRules
{
    /// <summary>The level above which a decoded stream clips on a fixed-point output, dBTP.</summary>
    public const double ClipDbtp = 0.0;

    /// <summary>The verdicts: none without a peak ceiling, for a track not analyzed, or without a preview unless the profile asks for one.</summary>
    public static IEnumerable<RuleVerdict> Evaluate(AlbumTrackInput track, QcProfile profile)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(profile);
        if (track.Error is not null || profile.OverCeilingDbtp is not { } ceiling)
        {
            yield break;
        }

        var threshold = Invariant($"≤ {ceiling:0.0} dBTP after the encode");
        if (track.CodecPreview is not { } preview)
        {
            if (profile.CodecCheck == true)
            {
                yield return Verdicts.Of("survives-encode", VerdictStatus.Warn, null, "dBTP", threshold, "codec preview not run");
            }

            yield break;
        }

        var clip = Math.Max(ceiling, ClipDbtp);
        foreach (var entry in preview)
        {
            var rule = "survives-encode-" + entry.Codec;
            var codec = Invariant($"{entry.Codec} {entry.BitrateKbps} kb/s");
            if (entry.Error is { } error)
            {
                yield return new RuleVerdict { Rule = rule, Status = VerdictStatus.Warn, Measured = error.Code, Threshold = threshold, Reason = $"{codec} could not be previewed: {error.Code}" };
                continue;
            }

            if (entry.TruePeakDbtp is not { } tp)
            {
                yield return Verdicts.Of(rule, VerdictStatus.Pass, null, "dBTP", threshold, "digital silence");
                continue;
            }

            var overs = entry.Overs is { } n ? Invariant($", {n} over(s) of the ceiling") : string.Empty;
            yield return tp <= ceiling
                ? Verdicts.Of(rule, VerdictStatus.Pass, tp, "dBTP", threshold, Invariant($"{codec}: true peak {tp:0.0} dBTP after the encode, {ceiling - tp:0.0} dB below the ceiling"))
                : tp <= clip
                    ? Verdicts.Of(rule, VerdictStatus.Warn, tp, "dBTP", threshold, Invariant($"{codec}: true peak rises to {tp:0.0} dBTP, {tp - ceiling:0.0} dB over the ceiling{overs}; no clipping"))
                    : Verdicts.Of(rule, VerdictStatus.Fail, tp, "dBTP", threshold, Invariant($"{codec}: true peak rises to {tp:0.0} dBTP{overs}: the decoded stream clips; lower the master by {tp - ceiling:0.0} dB or limit harder"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
