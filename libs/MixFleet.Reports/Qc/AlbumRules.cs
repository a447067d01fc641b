using System.Globalization;
using MixFleet.Reports.Albums;

namespace MixFleet.Reports.Qc;

/// <summary>Album-level rules: Red Book limits, joins between tracks, format and metadata consistency.</summary>
public static class AlbumRules
{
    /// <summary>Running time, track count (Red Book profiles), transitions and gaps.</summary>
    public static IEnumerable<RuleVerdict> Sequencing(SequencingReport sequencing, QcProfile profile)
    {
        ArgumentNullException.ThrowIfNull(sequencing);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.RedBook == true)
        {
            var time = sequencing.CdRunningTimeSeconds;
            yield return new RuleVerdict
            {
                Rule = "cd-running-time",
                Status = time <= SequencingReport.CdMaxSeconds ? VerdictStatus.Pass : VerdictStatus.Fail,
                Value = time,
                Measured = Clock(time),
                Threshold = "≤ 79:57 (incl. 2 s pre-gap)",
                Reason = time <= SequencingReport.CdMaxSeconds ? "fits on a CD" : $"{Clock(time - SequencingReport.CdMaxSeconds)} too long for a CD",
            };
            yield return new RuleVerdict
            {
                Rule = "cd-track-count",
                Status = sequencing.TrackCount <= SequencingReport.CdMaxTracks ? VerdictStatus.Pass : VerdictStatus.Fail,
                Value = sequencing.TrackCount,
                Measured = sequencing.TrackCount.ToString(CultureInfo.InvariantCulture),
                Threshold = "≤ 99 tracks",
                Reason = sequencing.TrackCount <= SequencingReport.CdMaxTracks ? "within the Red Book's 99 tracks" : "a CD holds at most 99 tracks",
            };
        }

        var maxJump = profile.MaxTransitionLu ?? QcProfile.DefaultMaxTransitionLu;
        var maxGap = profile.MaxGapSeconds ?? QcProfile.DefaultMaxGapSeconds;
        foreach (var t in sequencing.Transitions)
        {
            if (t.BodyJumpLu is { } body)
            {
                yield return BodyTransition(t, body, maxJump);
            }
            else if (t.JumpLu is { } jump)
            {
                // Edges not measured (loudness-only run, or a report from before analyzer 0.3.0): the raw 3 s edges.
                var ok = Math.Abs(jump) <= maxJump;
                yield return Verdicts.Of($"transition {t.From}→{t.To}", ok ? VerdictStatus.Pass : VerdictStatus.Warn, jump, "LU", Invariant($"|jump| ≤ {maxJump:0.0} LU"),
                    ok ? "smooth join" : Invariant($"the next track starts {Math.Abs(jump):0.0} LU {(jump > 0 ? "louder" : "quieter")} than this one ends"));
            }

            if (t.GapSeconds is { } gap)
            {
                var ok = gap <= maxGap;
                yield return Verdicts.Of($"gap {t.From}→{t.To}", ok ? VerdictStatus.Pass : VerdictStatus.Warn, gap, "s", Invariant($"≤ {maxGap:0.0} s"),
                    ok ? "gap within the limit" : Invariant($"{gap:0.0} s of silence between the tracks"));
            }
        }
    }

    /// <summary>The join body to body: fades and tails set aside, what level change does the listener hear?</summary>
    private static RuleVerdict BodyTransition(TransitionReport t, double body, double maxJump)
    {
        var ok = Math.Abs(body) <= maxJump;
        var fades = (t.FromFadeOutSeconds ?? 0, t.ToFadeInSeconds ?? 0) switch
        {
            ( > 0, > 0) => Invariant($" (a {t.FromFadeOutSeconds:0.0} s fade-out into a {t.ToFadeInSeconds:0.0} s fade-in)"),
            ( > 0, _) => Invariant($" (behind a {t.FromFadeOutSeconds:0.0} s fade-out)"),
            (_, > 0) => Invariant($" (behind a {t.ToFadeInSeconds:0.0} s fade-in)"),
            _ => string.Empty,
        };
        var reason = ok
            ? "smooth join, body to body" + fades
            : Invariant($"the next track's body is {Math.Abs(body):0.0} LU {(body > 0 ? "louder" : "quieter")} than this one's") + fades;
        return Verdicts.Of($"transition {t.From}→{t.To}", ok ? VerdictStatus.Pass : VerdictStatus.Warn, body, "LU", Invariant($"|body-to-body jump| ≤ {maxJump:0.0} LU"), reason);
    }

    /// <summary>Format (sample rate, bit depth, channels) and album tags (title, album artist) agree across the album.</summary>
    public static IEnumerable<RuleVerdict> Consistency(AlbumFormatReport format, AlbumMetadataReport metadata)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(metadata);
        var formatText = Invariant($"{string.Join("/", format.SampleRates)} Hz, {string.Join("/", format.BitDepths)}-bit, {string.Join("/", format.Channels)} ch");
        yield return new RuleVerdict
        {
            Rule = "format-consistency",
            Status = format.Consistent ? VerdictStatus.Pass : VerdictStatus.Warn,
            Measured = formatText,
            Threshold = "one sample rate, bit depth and channel count",
            Reason = format.Consistent ? "every track has the same format" : "the tracks differ in format",
        };
        yield return Tag("album-title", metadata.AlbumTitles, "album title");
        yield return Tag("album-artist", metadata.AlbumArtists, "album artist");
    }

    private static RuleVerdict Tag(string rule, IReadOnlyList<string> values, string what) => new()
    {
        Rule = rule,
        Status = values.Count == 1 ? VerdictStatus.Pass : VerdictStatus.Warn,
        Measured = values.Count == 0 ? "none" : string.Join(" | ", values),
        Threshold = "one value on every track",
        Reason = values.Count switch
        {
            0 => $"no track carries an {what}",
            1 => $"the tracks agree on the {what}",
            _ => $"{values.Count} different {what}s",
        },
    };

    // Minutes may exceed 59: a CD's limit reads 79:57.
    private static string Clock(double seconds) => Invariant($"{(int)(Math.Round(seconds) / 60)}:{(int)(Math.Round(seconds) % 60):00}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
