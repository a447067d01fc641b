using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using MixFleet.Analysis.Engine;
using MixFleet.Audio;

namespace MixFleet.Analysis;

/// <summary>
/// Measures one track with the chunked parallel engine: one task decodes chunks ahead into a queue, workers measure
/// chunks concurrently into partials (<see cref="IChunkMetric{TPartial, TResult}"/>), and the partials merge in track
/// order. Decoding and measuring hold a <see cref="CpuBudget"/> slot only while they compute; chunk buffers come from
/// the process's <see cref="MemoryBudget"/>.
/// </summary>
/// <remarks>
/// The result does not depend on the chunk size, the parallelism or the memory budget (to 1e-6 LU/dB; a property test
/// holds it to that). A track is admitted once the budget has room for one chunk and its own state
/// (<see cref="TrackMemory"/>); it then uses up to parallelism + 1 chunks (and its share of cores + one per admitted
/// track) while the budget has room, and one otherwise.
/// </remarks>
public sealed class TrackAnalyzer
{
    private readonly AnalysisOptions _options;
    private readonly CpuBudget _budget;
    private readonly MemoryBudget _memory;

    /// <summary>Creates an analyzer that draws its cores from <paramref name="budget"/> and its memory from <paramref name="memory"/>.</summary>
    /// <param name="options">How tracks are measured.</param>
    /// <param name="budget">The process's cores.</param>
    /// <param name="memory">The process's memory; null for a budget of <see cref="MemoryBudget.DefaultMegabytes"/> of this analyzer's own.</param>
    public TrackAnalyzer(AnalysisOptions options, CpuBudget budget, MemoryBudget? memory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(budget);
        _options = options;
        _budget = budget;
        _memory = memory ?? MemoryBudget.FromMegabytes(MemoryBudget.DefaultMegabytes);
    }

    /// <summary>Where the time goes (benchmarks); null: not traced.</summary>
    public EngineTrace? Trace { get; init; }

    /// <summary>
    /// Analyzes the whole stream. <paramref name="progress"/> receives the frames decoded so far.
    /// </summary>
    /// <exception cref="AudioDecodeException">The stream is corrupt or truncated.</exception>
    public async Task<TrackAnalysis> AnalyzeAsync(IAudioReader reader, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var info = reader.Info;
        var layout = new ChunkLayout(info.SampleRate, _options.ChunkSegments, _options.PreRollSeconds);
        var metrics = new TrackMetrics(info, _options, layout) { Trace = Trace };
        MemoryReservation admission;
        using (Trace?.Time("admission"))
        {
            admission = await _memory.ReserveAsync(TrackMemory.Admission(info, layout, _options.BlockFrames), cancellationToken).ConfigureAwait(false);
        }

        using (admission)
        {
            var workers = Math.Max(1, Math.Min(_options.MaxChunkParallelism ?? _budget.Cores, _budget.Cores));
            using var producer = new ChunkProducer(reader, layout, _options.BlockFrames, _memory, admission, workers + 1, _budget.Cores);
            var queue = Channel.CreateUnbounded<AudioChunk>(new UnboundedChannelOptions { SingleWriter = true });
            var partials = new List<ChunkPartial?>();
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            var decoding = Task.Run(() => DecodeAsync(producer, queue.Writer, partials, progress, failed), failed.Token);
            var measuring = Enumerable.Range(0, workers)
                .Select(_ => Task.Run(() => MeasureAsync(metrics, producer, queue.Reader, partials, failed), failed.Token))
                .ToArray();
            try
            {
                await Task.WhenAll([decoding, .. measuring]).ConfigureAwait(false);
            }
            catch when (decoding.Exception?.InnerException is AudioDecodeException decodeError)
            {
                // A corrupt file is the headline; the workers' cancellation that followed it is not.
                ExceptionDispatchInfo.Capture(decodeError).Throw();
                throw;
            }

            using (Trace?.Time("merge"))
            {
                return metrics.Merge(partials.Select(p => p!).ToArray(), producer.DecodedFrames, workers);
            }
        }
    }

    private async Task DecodeAsync(ChunkProducer producer, ChannelWriter<AudioChunk> queue, List<ChunkPartial?> partials, IProgress<long>? progress, CancellationTokenSource failed)
    {
        try
        {
            while (true)
            {
                // Wait for a buffer before taking a core: a slot is never held while waiting.
                AudioChunk chunk;
                using (Trace?.Time("wait for a chunk buffer"))
                {
                    chunk = await producer.RentAsync(failed.Token).ConfigureAwait(false);
                }

                bool filled;
                using (await _budget.AcquireAsync(failed.Token).ConfigureAwait(false))
                using (Trace?.Time("decode"))
                {
                    filled = producer.Fill(chunk, failed.Token);
                }

                if (!filled)
                {
                    producer.Return(chunk);
                    break;
                }

                lock (partials)
                {
                    partials.Add(null);
                }

                progress?.Report(producer.DecodedFrames);
                queue.TryWrite(chunk);
            }

            queue.Complete();
        }
        catch (Exception ex)
        {
            queue.TryComplete(ex);
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task MeasureAsync(TrackMetrics metrics, ChunkProducer producer, ChannelReader<AudioChunk> queue, List<ChunkPartial?> partials, CancellationTokenSource failed)
    {
        try
        {
            await foreach (var chunk in queue.ReadAllAsync(failed.Token).ConfigureAwait(false))
            {
                ChunkPartial partial;
                using (await _budget.AcquireAsync(failed.Token).ConfigureAwait(false))
                using (Trace?.Time("measure"))
                {
                    partial = metrics.Measure(chunk);
                }

                lock (partials)
                {
                    partials[chunk.Index] = partial;
                }

                producer.Return(chunk);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
