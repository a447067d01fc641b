using MixFleet.Audio.Ffmpeg;
using MixFleet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MixFleet.Analysis;
using MixFleet.Analysis.Engine;
using MixFleet.Audio;
using MixFleet.Fleet.Albums;
using MixFleet.Fleet.Tracks;
using MixFleet.Storage;

namespace MixFleet.Fleet.Tests.Support;

internal static class UseCases
{
    public const string AudioBucket = "audio";
    public const string ReportsBucket = "reports";

    private static readonly CpuBudget _budget = new(2);
    private static readonly MemoryBudget _memory = MemoryBudget.FromMegabytes(MemoryBudget.DefaultMegabytes);

    public static TrackAnalysisUseCase Create(IObjectStore store) => Create(store, new AudioDecoder(new FfmpegDecoder()));

    public static TrackAnalysisUseCase Create(IObjectStore store, IAudioDecoder decoder) => new(
        store,
        decoder,
        _budget,
        _memory,
        AnalysisOptions.Default,
        Options.Create(new ReportsOptions { Bucket = ReportsBucket }),
        NullLogger<TrackAnalysisUseCase>.Instance);

    public static AlbumAggregationUseCase CreateAlbum(InMemoryObjectStore store) => new(
        store,
        Options.Create(new ReportsOptions { Bucket = ReportsBucket }),
        NullLogger<AlbumAggregationUseCase>.Instance);
}
