using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using MixFleet.Analysis.Engine;
using MixFleet.Audio;

namespace MixFleet.Analysis;

/// <summary>
/// Measures one track with the chunked parallel engine: one task decodes chunks ahead into a bounded queue, workers
/// measure chunks concurrently into partials (<see cref="IChunkMetric{TPartial, TResult}"/>), and the partials merge
/// in track order. Decoding and measuring hold a <see cref="CpuBudget"/> slot only while they compute.
/// </summary>
/// <remarks>
/// The result does not depend on the chunk size or the parallelism (to 1e-6 LU/dB; a property test holds it to
/// that). Memory is bounded by the chunks in flight: (queue + workers + 2) chunks, whatever the track's length.
/// </remarks>
public sealed class TrackAnalyzer
{
    private readonly AnalysisOptions _options;
    private readonly CpuBudget _budget;

    /// <summary>Creates an analyzer that draws its cores from <paramref name="budget"/>.</summary>
    public TrackAnalyzer(AnalysisOptions options, CpuBudget budget)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(budget);
        _options = options;
        _budget = budget;
    }

    /// <summary>
    /// Analyzes the whole stream. <paramref name="progress"/> receives the frames decoded so far.
    /// </summary>
    /// <exception cref="AudioDecodeException">The stream is corrupt or truncated.</exception>
    public async Task<TrackAnalysis> AnalyzeAsync(IAudioReader reader, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var info = reader.Info;
        var layout = new ChunkLayout(info.SampleRate, _options.ChunkSegments, _options.PreRollSeconds);
        var metrics = new TrackMetrics(info, _options, layout);
        using var producer = new ChunkProducer(reader, layout, _options.BlockFrames);
        var workers = Math.Max(1, Math.Min(_options.MaxChunkParallelism ?? _budget.Cores, _budget.Cores));
        var queue = Channel.CreateBounded<AudioChunk>(new BoundedChannelOptions(workers) { SingleWriter = true });
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

        return metrics.Merge(partials.Select(p => p!).ToArray(), producer.DecodedFrames);
    }

    private async Task DecodeAsync(ChunkProducer producer, ChannelWriter<AudioChunk> queue, List<ChunkPartial?> partials, IProgress<long>? progress, CancellationTokenSource failed)
    {
        try
        {
            while (true)
            {
                AudioChunk? chunk;
                using (await _budget.AcquireAsync(failed.Token).ConfigureAwait(false))
                {
                    chunk = producer.Next(failed.Token);
                }

                if (chunk is null)
                {
                    break;
                }

                lock (partials)
                {
                    partials.Add(null);
                }

                progress?.Report(producer.DecodedFrames);
                await queue.WriteAsync(chunk, failed.Token).ConfigureAwait(false);
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
