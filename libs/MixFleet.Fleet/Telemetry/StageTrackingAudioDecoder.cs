using MixFleet.Audio;

namespace MixFleet.Fleet.Telemetry;

/// <summary>
/// The decoder as the track-analysis use case sees it: opening a reader starts the <c>decode-analyze</c> stage and the
/// reader counts the frames it decodes (the audio-seconds metric). Outside a consumer it only passes calls on.
/// </summary>
internal sealed class StageTrackingAudioDecoder(IAudioDecoder inner) : IAudioDecoder
{
    public IAudioReader Open(string path) => Track(() => inner.Open(path));

    public IAudioReader Open(Stream stream, string name) => Track(() => inner.Open(stream, name));

    private static IAudioReader Track(Func<IAudioReader> open)
    {
        var stages = TrackStages.Current;
        if (stages is null)
        {
            return open();
        }

        stages.Enter(TrackStages.DecodeAnalyze);
        try
        {
            return new CountingReader(open(), stages);
        }
        catch
        {
            stages.Fail();
            throw;
        }
    }

    private sealed class CountingReader(IAudioReader inner, TrackStages stages) : IAudioReader
    {
        public AudioStreamInfo Info => inner.Info;

        public int Read(AudioBuffer destination, CancellationToken cancellationToken = default)
        {
            var frames = inner.Read(destination, cancellationToken);
            stages.AddFrames(frames, inner.Info.SampleRate);
            return frames;
        }

        public void Dispose() => inner.Dispose();
    }
}
