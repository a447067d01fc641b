using MixFleet.Testing;

namespace MixFleet.Cli.Tests.Fuzz;

/// <summary>
/// The seed corpus: half a second of each demo-album track (<c>samples/</c>, real music) re-encoded by the real
/// ffmpeg into every in-process container and the sample formats they carry — WAV (8/16/24/32-bit, float, 5.1
/// WAVE_FORMAT_EXTENSIBLE, LIST/bext tags), RF64, AIFF, AIFC (sowt, fl32, ID3) and FLAC (levels 0/5/8, 16/24-bit,
/// mono to 5.1). Short, so a thousand mutants analyze in seconds.
/// </summary>
internal static class FuzzSeeds
{
    private const string Slow = "01 - Slow Swell.wav";     // 16-bit stereo 44.1 kHz
    private const string Loud = "02 - Brickwall.wav";       // 16-bit stereo 44.1 kHz, limited
    private const string Bells = "03 - Quiet Bells.wav";    // 24-bit mono 44.1 kHz

    public static IReadOnlyList<FuzzSeed> Create(string directory)
    {
        FuzzSeed Make(string name, FuzzFamily family, string source, int rate, int channels, string[] options, bool isFloat = false)
        {
            var extension = family switch { FuzzFamily.Aiff => ".aif", FuzzFamily.Flac => ".flac", _ => ".wav" };
            var path = Path.Combine(directory, name + extension);
            string[] arguments =
            [
                "-nostdin", "-hide_banner", "-v", "error", "-y", "-ss", "1", "-t", "0.5",
                "-i", RepositoryRoot.File(Path.Combine("samples", "Demo Album", source)),
                "-ar", rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-ac", channels.ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. options, path,
            ];
            ExternalTool.Run("ffmpeg", arguments);
            return new FuzzSeed(name, family, extension, File.ReadAllBytes(path), rate, channels) { Float = isFloat };
        }

        return
        [
            Make("wav-s16-stereo", FuzzFamily.Wav, Slow, 44_100, 2, ["-c:a", "pcm_s16le"]),
            Make("wav-s24-mono", FuzzFamily.Wav, Bells, 44_100, 1, ["-c:a", "pcm_s24le"]),
            Make("wav-f32-stereo-48k", FuzzFamily.Wav, Loud, 48_000, 2, ["-c:a", "pcm_f32le"], isFloat: true),
            Make("wav-u8-mono-22k", FuzzFamily.Wav, Bells, 22_050, 1, ["-c:a", "pcm_u8"]),
            Make("wav-s24-5.1-ext", FuzzFamily.Wav, Slow, 44_100, 6, ["-c:a", "pcm_s24le"]),
            Make("wav-s32-96k-bext", FuzzFamily.Wav, Loud, 96_000, 2, ["-c:a", "pcm_s32le", "-write_bext", "1"]),
            Make("rf64-s24-stereo", FuzzFamily.Rf64, Slow, 44_100, 2, ["-c:a", "pcm_s24le", "-rf64", "always"]),
            Make("rf64-f64-mono-48k", FuzzFamily.Rf64, Bells, 48_000, 1, ["-c:a", "pcm_f64le", "-rf64", "always"], isFloat: true),
            Make("rf64-s16-5.1", FuzzFamily.Rf64, Loud, 48_000, 6, ["-c:a", "pcm_s16le", "-rf64", "always"]),
            Make("aiff-s16-stereo", FuzzFamily.Aiff, Slow, 44_100, 2, ["-c:a", "pcm_s16be", "-write_id3v2", "1"]),
            Make("aiff-s24-mono", FuzzFamily.Aiff, Bells, 44_100, 1, ["-c:a", "pcm_s24be"]),
            Make("aifc-fl32-stereo", FuzzFamily.Aiff, Loud, 48_000, 2, ["-c:a", "pcm_f32be"], isFloat: true),
            Make("aifc-sowt-stereo", FuzzFamily.Aiff, Loud, 44_100, 2, ["-c:a", "pcm_s16le"]),
            Make("flac-s16-stereo-l5", FuzzFamily.Flac, Slow, 44_100, 2, ["-c:a", "flac", "-compression_level", "5", "-frame_size", "1024"]),
            Make("flac-s24-mono-l8", FuzzFamily.Flac, Bells, 44_100, 1, ["-c:a", "flac", "-sample_fmt", "s32", "-compression_level", "8", "-frame_size", "1024"]),
            Make("flac-s16-stereo-l0", FuzzFamily.Flac, Loud, 44_100, 2, ["-c:a", "flac", "-compression_level", "0", "-frame_size", "576"]),
            Make("flac-s16-5.1-48k", FuzzFamily.Flac, Loud, 48_000, 6, ["-c:a", "flac", "-compression_level", "5", "-frame_size", "2048"]),
        ];
    }
}
