using MassTransit;
using MixFleet.Fleet;
using MixFleet.Fleet.Messaging;
using MixFleet.Jobs;
using MixFleet.ServiceDefaults;
using MixFleet.Storage;

var builder = Host.CreateApplicationBuilder(args);
builder.AddMixFleetTelemetry();             // traces and metrics (MixFleet.*, MassTransit, HTTP); OTLP when configured
builder.AddTrackAnalysis();                 // use cases (track, album), job store, CPU budget, decoder, graceful-stop timeouts
builder.AddObjectStore();                   // S3 / S3-compatible or a local folder, from MixFleet:Storage
builder.AddMixFleetMessaging(bus =>
{
    bus.AddConsumer<AnalyzeTrackConsumer, AnalyzeTrackConsumerDefinition>();
    bus.AddConsumer<AlbumAggregationConsumer, AlbumAggregationConsumerDefinition>();
    bus.AddSettlementConsumer();            // TrackAnalyzed / TrackFailed → the job store, album claims
});
await builder.Build().RunAsync();
