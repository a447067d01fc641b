namespace MixFleet.Audio.Pcm;

/// <summary>In-process reader of PCM containers: WAV (incl. WAVE_FORMAT_EXTENSIBLE, BWF), RF64/BW64, AIFF and AIFC.</summary>
public sealed class PcmDecoder : IAudioDecoder
{
    /// <inheritdoc />
    public IAudioReader Open(string path) => throw new NotImplementedException();

    /// <inheritdoc />
    public IAudioReader Open(Stream stream, string name) => throw new NotImplementedException();
}
