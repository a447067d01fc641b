using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MixFleet.Analysis;
using MixFleet.Analysis.Engine;
using MixFleet.Audio;
using MixFleet.Audio.Ffmpeg;
using MixFleet.Audio.Pcm;
using MixFleet.Fleet.Albums;
using MixFleet.Fleet.Health;
using MixFleet.Fleet.Telemetry;
using MixFleet.Jobs;
using MixFleet.Fleet.Tracks;
using MixFleet.Storage;

namespace MixFleet.Fleet;

/// <summary>Registrations of the fleet's services.</summary>
public static class FleetHostingExtensions
{
    /// <summary>The tag of the worker's liveness checks (<c>/health/live</c>); readiness uses <see cref="JobsHostingExtensions.ReadyTag"/>.</summary>
    public const string LiveTag = "live";

    /// <summary>
    /// The worker's track analysis: <see cref="TrackAnalysisOptions"/> and <see cref="ReportsOptions"/> (validated at
    /// start), the job store (albums to aggregate, outcomes to settle), the process-wide <see cref="CpuBudget"/> and <see cref="MemoryBudget"/>, the decoder, <see cref="TrackAnalysisUseCase"/>,
    /// <see cref="AlbumAggregationUseCase"/>, <see cref="WorkerTelemetry"/>, and graceful-stop timeouts (host and bus)
    /// long enough for the tracks in flight. An <c>IObjectStore</c> must be registered separately.
    /// </summary>
    public static IHostApplicationBuilder AddTrackAnalysis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.AddJobStore();
        services.AddOptions<TrackAnalysisOptions>()
            .BindConfiguration(TrackAnalysisOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        ReportsOptions.Register(services);
        services.TryAddSingleton(sp => new CpuBudget(sp.GetRequiredService<IOptions<TrackAnalysisOptions>>().Value.Cores));
        services.TryAddSingleton(sp => MemoryBudget.FromMegabytes(sp.GetRequiredService<IOptions<TrackAnalysisOptions>>().Value.MemoryBudgetMb));
        services.TryAddSingleton(AnalysisOptions.Default);
        // ffmpeg's formats are spooled to the temporary directory: at most MaxSpoolBytes per track (else too-large).
        // The same ffmpeg runs the codec preview's encodes.
        services.TryAddSingleton(sp => new FfmpegOptions { MaxSpoolBytes = sp.GetRequiredService<IOptions<TrackAnalysisOptions>>().Value.MaxSpoolBytes });
        services.TryAddSingleton<IAudioDecoder>(sp => new AudioDecoder(
            new PcmDecoder(), new FlacDecoder(), new FfmpegDecoder(sp.GetRequiredService<FfmpegOptions>())));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<WorkerTelemetry>();
        // The use case sees the store and decoder through wrappers that move the consumer's stage spans on
        // (fetch, decode-analyze, write) and count decoded frames; it knows nothing of telemetry itself.
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<TrackAnalysisUseCase>(
            sp,
            new StageTrackingObjectStore(sp.GetRequiredService<IObjectStore>()),
            new StageTrackingAudioDecoder(sp.GetRequiredService<IAudioDecoder>())));
        services.TryAddSingleton<AlbumAggregationUseCase>();
        // Liveness: a track in flight that stops moving (a read that never returns) fails /health/live.
        services.TryAddSingleton<AnalysisWatchdog>();
        services.AddHealthChecks()
            .AddCheck<AnalysisProgressHealthCheck>("analysis-progress", tags: [LiveTag])
            .AddCheck<ObjectStoreHealthCheck>("object-store", tags: [JobsHostingExtensions.ReadyTag], timeout: TimeSpan.FromSeconds(5));
        services.AddOptions<HostOptions>()
            .Configure<IOptions<TrackAnalysisOptions>>((host, worker) => host.ShutdownTimeout = worker.Value.ShutdownTimeout + TimeSpan.FromSeconds(15));
        services.AddOptions<MassTransitHostOptions>()
            .Configure<IOptions<TrackAnalysisOptions>>((bus, worker) =>
            {
                bus.WaitUntilStarted = true;
                bus.StopTimeout = worker.Value.ShutdownTimeout;
            });
        return builder;
    }
}
