using BenchmarkDotNet.Attributes;
using MixFleet.Analysis;
using MixFleet.Audio;
using MixFleet.Audio.Pcm;
using MixFleet.Benchmarks.Reporting;
using MixFleet.Benchmarks.Signals;

namespace MixFleet.Benchmarks;

/// <summary>(d) Decoding 10 s of 24-bit stereo WAV from memory into planar float, in the engine's block size.</summary>
[MemoryDiagnoser]
public class PcmDecodeBenchmarks
{
    private readonly PcmDecoder _decoder = new();
    private byte[] _wav = null!;
    private AudioBuffer _block = null!;

    [GlobalSetup]
    public void Setup()
    {
        _wav = WavFile.Pcm24(MusicSignal.Mastered(), MusicSignal.SampleRate);
        _block = new AudioBuffer(MusicSignal.Channels, AnalysisOptions.Default.BlockFrames);
    }

    [Benchmark]
    [AudioSeconds(MusicSignal.Seconds)]
    public long Decode24BitWav()
    {
        using var reader = _decoder.Open(new MemoryStream(_wav, writable: false), "bench.wav");
        long frames = 0;
        int read;
        while ((read = reader.Read(_block)) > 0)
        {
            frames += read;
        }

        return frames;
    }
}
