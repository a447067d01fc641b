using MixFleet.Audio;

namespace MixFleet.Fleet.Telemetry;

/// <summary>
/// The decoder as the track-analysis use case sees it: opening a reader starts the <c>decode-analyze</c> stage and the
/// reader counts the frames it decodes (the audio-seconds metric). Outside a consumer it only passes calls on.
/// </summary>
/// <remarks>
/// The codec preview decodes the track again, once per codec, inside the same stage: those readers move the track's
/// progress (the liveness watchdog must see a long preview working) but do not add to the audio seconds, which count
/// each track's audio once.
/// </remarks>
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

        var first = stages.BeginDecode();
        if (first)
        {
            stages.Enter(TrackStages.DecodeAnalyze);
        }

        try
        {
            return new CountingReader(open(), stages, first);
        }
        catch
        {
            stages.Fail();
            throw;
        }
    }

    private sealed class CountingReader(IAudioReader inner, TrackStages stages, bool countsAudio) : IAudioReader
    {
        public AudioStreamInfo Info => inner.Info;

        public int Read(AudioBuffer destination, CancellationToken cancellationToken = default)
        {
            var frames = inner.Read(destination, cancellationToken);
            if (countsAudio)
            {
                stages.AddFrames(frames, inner.Info.SampleRate);
            }
            else
            {
                stages.AddProgress();
            }

            return frames;
        }

        public void Dispose() => inner.Dispose();
    }
}
