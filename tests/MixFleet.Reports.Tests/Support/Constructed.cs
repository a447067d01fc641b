using MixFleet.Analysis.Loudness;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Tracks;

namespace MixFleet.Reports.Tests.Support;

/// <summary>Albums built from known block and short-term energies, so the right answers are known in closed form.</summary>
internal static class Constructed
{
    /// <summary>A steady track: every 400 ms block and 3 s window at <paramref name="lufs"/>.</summary>
    public static AlbumTrackInput Track(string path, double lufs, double seconds = 60, string? number = null, string? isrc = null, string album = "Album")
    {
        var blocks = Math.Max(0, (int)Math.Round((seconds - 0.4) * 10) + 1);
        var shortTerm = Math.Max(0, (int)Math.Round((seconds - 3) * 10) + 1);
        return new AlbumTrackInput
        {
            Path = $"{album}/{path}",
            Album = album,
            Tags = new TagsReport { TrackNumber = number, Isrc = isrc, Album = "Constructed", AlbumArtist = "Tester" },
            Format = new FormatReport { Container = "wav", Codec = "pcm_s16le", SampleRate = 44_100, Channels = 2, ChannelLayout = "stereo", BitDepth = 16, DurationSeconds = seconds },
            IntegratedLufs = lufs,
            LoudnessRangeLu = 0,
            TruePeakDbtp = lufs + 10,
            SamplePeakDbfs = lufs + 9.8,
            DurationSeconds = seconds,
            Loudness = AlbumLoudnessData.From(new LoudnessResult
            {
                BlockEnergies = Enumerable.Repeat(LoudnessUnits.ToEnergy(lufs), blocks).ToArray(),
                ShortTermEnergies = Enumerable.Repeat(LoudnessUnits.ToEnergy(lufs), shortTerm).ToArray(),
            }),
        };
    }

    /// <summary>A track whose short-term series starts at <paramref name="firstLufs"/> and ends at <paramref name="lastLufs"/>.</summary>
    public static AlbumTrackInput Shaped(string path, double firstLufs, double lastLufs, double? leadingSilence = null, double? trailingSilence = null, string album = "Album")
    {
        var track = Track(path, (firstLufs + lastLufs) / 2, album: album);
        // As AlbumLoudnessData.From stores them: windows at or below -70 LUFS are silence (null).
        var loudness = track.Loudness! with { FirstShortTermLufs = firstLufs > -70 ? firstLufs : null, LastShortTermLufs = lastLufs > -70 ? lastLufs : null };
        return track with { Loudness = loudness, LeadingSilenceSeconds = leadingSilence, TrailingSilenceSeconds = trailingSilence };
    }
}
