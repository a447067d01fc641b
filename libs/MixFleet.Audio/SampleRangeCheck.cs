namespace MixFleet.Audio;

/// <summary>
/// Rejects decoded floating-point samples that are not audio: NaN, ±∞, or beyond ±<see cref="AudioLimits.MaxFloatSample"/>
/// (float WAV/AIFC data, a 64-bit sample that overflows a float, ffmpeg's float output). Integer formats cannot
/// produce them. One vectorized scan per block and channel.
/// </summary>
internal static class SampleRangeCheck
{
    /// <summary>Throws <see cref="AudioErrorCode.SampleOutOfRange"/> naming the first bad sample of the block.</summary>
    /// <param name="block">The block just decoded (its <see cref="AudioBuffer.Frames"/> set).</param>
    /// <param name="firstFrame">The frame number of the block's first frame in the stream.</param>
    /// <param name="name">The file name for the message.</param>
    public static void Check(AudioBuffer block, long firstFrame, string name)
    {
        for (var c = 0; c < block.Channels; c++)
        {
            var samples = block.Channel(c);
            // float.CompareTo orders NaN below every number, so it is outside the range too.
            var bad = samples.IndexOfAnyExceptInRange(-AudioLimits.MaxFloatSample, AudioLimits.MaxFloatSample);
            if (bad >= 0)
            {
                throw AudioError.Create(
                    AudioErrorCode.SampleOutOfRange,
                    name,
                    $"the sample at frame {firstFrame + bad:N0}, channel {c + 1} is {samples[bad]}: a float sample must be a number within ±{AudioLimits.MaxFloatSample:N0}");
            }
        }
    }
}
