using System.Globalization;
using System.Text.Json;

namespace MixFleet.Audio.Ffmpeg;

/// <summary>
/// Turns the JSON of <c>ffprobe -print_format json -show_format -show_streams -select_streams a:0</c> into an
/// <see cref="AudioStreamInfo"/>. Pure: no process, no file, so it is unit-tested on literal ffprobe output.
/// </summary>
internal static class FfprobeParser
{
    // Codecs whose bit depth is meaningless (no stored PCM word length).
    private static readonly HashSet<string> LossyCodecs = new(StringComparer.OrdinalIgnoreCase)
    {
        "mp3", "mp2", "mp1", "aac", "vorbis", "opus", "ac3", "eac3", "dts", "wmav1", "wmav2", "wmapro", "amr_nb", "amr_wb",
    };

    /// <summary>Parses ffprobe's JSON; <paramref name="source"/> names the file in errors.</summary>
    /// <exception cref="AudioDecodeException">
    /// <see cref="AudioErrorCode.NotAudio"/> when there is no audio stream, <see cref="AudioErrorCode.InvalidHeader"/>
    /// when the sample rate or channel count is outside <see cref="AudioLimits"/>,
    /// <see cref="AudioErrorCode.UnsupportedEncoding"/> when ffmpeg has no decoder for the codec.
    /// </exception>
    public static AudioStreamInfo Parse(string json, string source) => ParseProbe(json, source).Info;

    /// <summary>
    /// As <see cref="Parse"/>, and whether <see cref="AudioStreamInfo.TotalFrames"/> is the stream's own exact
    /// length (<c>duration_ts</c>) rather than a decimal or container-level duration that may be estimated.
    /// </summary>
    public static (AudioStreamInfo Info, bool ExactLength) ParseProbe(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new AudioDecodeException(AudioErrorCode.NotAudio, source, $"no audio stream found (ffprobe: unreadable output, {ex.Message})", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
            if (!root.TryGetProperty("streams", out var streams) || streams.ValueKind != JsonValueKind.Array || streams.GetArrayLength() == 0)
            {
                var what = GetString(format, "format_name") is { } name ? $"the file is '{name}' without an audio stream" : "no streams";
                throw new AudioDecodeException(AudioErrorCode.NotAudio, source, $"no audio stream found (ffprobe: {what})");
            }

            return ParseStream(streams[0], format, source);
        }
    }

    private static (AudioStreamInfo Info, bool ExactLength) ParseStream(JsonElement stream, JsonElement format, string source)
    {
        if (GetString(stream, "codec_type") is { } type && type != "audio")
        {
            throw new AudioDecodeException(AudioErrorCode.NotAudio, source, $"no audio stream found (ffprobe: first stream is {type})");
        }

        var codec = GetString(stream, "codec_name");
        if (string.IsNullOrEmpty(codec) || codec == "none")
        {
            throw new AudioDecodeException(AudioErrorCode.UnsupportedEncoding, source, "the audio stream's codec is unknown to ffmpeg");
        }

        var sampleRate = GetLong(stream, "sample_rate") ?? 0;
        if (sampleRate is < AudioLimits.MinSampleRate or > AudioLimits.MaxSampleRate)
        {
            throw new AudioDecodeException(AudioErrorCode.InvalidHeader, source,
                $"sample rate {sampleRate} Hz is outside {AudioLimits.MinSampleRate}–{AudioLimits.MaxSampleRate} Hz");
        }

        var channels = GetLong(stream, "channels") ?? 0;
        if (channels is < 1 or > AudioLimits.MaxChannels)
        {
            throw new AudioDecodeException(AudioErrorCode.InvalidHeader, source, $"{channels} channels is outside 1–{AudioLimits.MaxChannels}");
        }

        var rate = (int)sampleRate;
        var count = (int)channels;
        var (totalFrames, exact) = TotalFrames(stream, format, rate);
        var info = new AudioStreamInfo
        {
            Container = ContainerName(GetString(format, "format_name")),
            Codec = codec,
            SampleRate = rate,
            Channels = count,
            BitDepth = BitDepth(stream, codec),
            Layout = FfmpegLayouts.FromName(GetString(stream, "channel_layout"), count),
            TotalFrames = totalFrames,
            Tags = ReadTags(format, stream),
        };
        return (info, exact);
    }

    /// <summary>The first name of ffprobe's <c>format_name</c> list; the ISO-BMFF family is reported as <c>mp4</c>.</summary>
    internal static string ContainerName(string? formatName)
    {
        if (string.IsNullOrEmpty(formatName))
        {
            return "unknown";
        }

        var first = formatName.Split(',')[0];
        return first == "mov" && formatName.Contains("mp4", StringComparison.Ordinal) ? "mp4" : first;
    }

    private static int? BitDepth(JsonElement stream, string codec)
    {
        if (LossyCodecs.Contains(codec))
        {
            return null;
        }

        var bits = GetLong(stream, "bits_per_raw_sample") is > 0 and var raw ? raw : GetLong(stream, "bits_per_sample");
        return bits is > 0 and <= 64 ? (int)bits : null;
    }

    private static (long? Frames, bool Exact) TotalFrames(JsonElement stream, JsonElement format, int sampleRate)
    {
        // duration_ts is exact in the stream's time base; the decimal durations are rounded to the microsecond.
        if (GetLong(stream, "duration_ts") is > 0 and var ticks && TimeBase(stream) is { } timeBase)
        {
            var scaled = (Int128)ticks * timeBase.Num * sampleRate;
            return ((long)((scaled + (timeBase.Den / 2)) / timeBase.Den), true);
        }

        var seconds = GetDouble(stream, "duration") ?? GetDouble(format, "duration");
        return (seconds is > 0 and < 1e9 ? (long)Math.Round(seconds.Value * sampleRate) : null, false);
    }

    private static (long Num, long Den)? TimeBase(JsonElement stream)
    {
        var parts = GetString(stream, "time_base")?.Split('/');
        return parts is [var n, var d]
            && long.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var num) && num > 0
            && long.TryParse(d, NumberStyles.Integer, CultureInfo.InvariantCulture, out var den) && den > 0
            ? (num, den)
            : null;
    }

    private static AudioTags ReadTags(JsonElement format, JsonElement stream)
    {
        // Keys are case-insensitive (FLAC/Vorbis comments are upper case, ffmpeg's generic names lower case).
        // Container tags win; stream tags (Ogg/Opus keep their comments there) fill the gaps.
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in new[] { format, stream })
        {
            if (source.ValueKind == JsonValueKind.Object && source.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in t.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(property.Value.GetString()))
                    {
                        tags.TryAdd(property.Name, property.Value.GetString()!.Trim());
                    }
                }
            }
        }

        string? Tag(params string[] keys) => keys.Select(k => tags.GetValueOrDefault(k)).FirstOrDefault(v => v is not null);
        return new AudioTags
        {
            Title = Tag("title"),
            Artist = Tag("artist"),
            Album = Tag("album"),
            AlbumArtist = Tag("album_artist", "albumartist", "album artist"),
            TrackNumber = Tag("track", "tracknumber"),
            Isrc = Tag("isrc", "TSRC"),
        };
    }

    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // ffprobe writes some numbers as JSON numbers (channels) and others as strings (sample_rate, bits_per_raw_sample).
    private static long? GetLong(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    private static double? GetDouble(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }
}
