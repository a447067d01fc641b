using System.Runtime.CompilerServices;
using MixFleet.Analysis.Engine;
using MixFleet.Audio;

namespace MixFleet.Benchmarks.Signals;

/// <summary>
/// Fills <see cref="AudioChunk"/>s and <see cref="AudioBuffer"/>s from planar arrays. An <see cref="AudioChunk"/> is
/// normally filled by the engine's internal producer; the benchmarks reach its storage through
/// <see cref="UnsafeAccessorAttribute"/> rather than widening the library's API for them.
/// </summary>
public static class Chunks
{
    /// <summary>The first chunk of a track (zero pre-roll, start frame 0) holding all of <paramref name="planar"/>.</summary>
    public static AudioChunk FirstChunk(float[][] planar, int preRollFrames)
    {
        ArgumentNullException.ThrowIfNull(planar);
        var frames = planar[0].Length;
        var chunk = new AudioChunk(planar.Length, preRollFrames, frames);
        var data = Data(chunk);
        for (var c = 0; c < planar.Length; c++)
        {
            planar[c].CopyTo(data[c], preRollFrames);
        }

        SetFrames(chunk, frames);
        return chunk;
    }

    /// <summary>A block holding all of <paramref name="planar"/>.</summary>
    public static AudioBuffer Buffer(float[][] planar)
    {
        ArgumentNullException.ThrowIfNull(planar);
        var buffer = new AudioBuffer(planar.Length, planar[0].Length);
        for (var c = 0; c < planar.Length; c++)
        {
            planar[c].CopyTo(buffer.ChannelStorage(c), 0);
        }

        buffer.Frames = planar[0].Length;
        return buffer;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_data")]
    private static extern ref float[][] Data(AudioChunk chunk);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Frames")]
    private static extern void SetFrames(AudioChunk chunk, int frames);
}
