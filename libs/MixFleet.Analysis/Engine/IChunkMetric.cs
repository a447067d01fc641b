namespace MixFleet.Analysis.Engine;

/// <summary>
/// The engine's extension point: how a metric takes part in chunked parallel analysis.
/// </summary>
/// <remarks>
/// <para>A track is cut into <see cref="AudioChunk"/>s on 10 ms boundaries. Each chunk is measured on its own core
/// into a <typeparamref name="TPartial"/>; when the track ends, the partials are merged <b>in track order</b> into the
/// metric's <typeparamref name="TResult"/>.</para>
/// <para>The contract, which the chunked-equals-single-pass property test holds every metric to:</para>
/// <list type="number">
/// <item><see cref="Measure"/> sees only its chunk: the chunk's own frames plus a pre-roll (the previous chunk's
/// tail; zeros before the first). Stateful filters run over the pre-roll first to reach the state a single pass would
/// have at the chunk's start, and count nothing from it. A metric whose memory is longer than the pre-roll
/// (<see cref="AnalysisOptions.PreRollSeconds"/>) must carry what it needs in its partial instead.</item>
/// <item>A partial holds sums, maxima, runs or per-window values — anything that can be combined exactly. What spans a
/// chunk boundary (a window, a run of clipped samples) is resolved in <see cref="Merge"/>, which sees the partials
/// side by side.</item>
/// <item><see cref="Measure"/> is called concurrently for different chunks of one track: no shared mutable state.</item>
/// </list>
/// <para>To add a metric: implement this interface, add its partial to <see cref="ChunkPartial"/> and its result to
/// <see cref="TrackAnalysis"/>, and call it from <see cref="TrackMetrics"/>.</para>
/// </remarks>
/// <typeparam name="TPartial">What one chunk contributes.</typeparam>
/// <typeparam name="TResult">The track's value.</typeparam>
public interface IChunkMetric<TPartial, out TResult>
{
    /// <summary>Measures one chunk. Thread-safe across chunks.</summary>
    TPartial Measure(AudioChunk chunk);

    /// <summary>Combines every chunk's partial, in track order, into the track's result.</summary>
    TResult Merge(IReadOnlyList<TPartial> partials);
}
