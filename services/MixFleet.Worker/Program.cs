using MassTransit;
using MixFleet.Fleet;
using MixFleet.Fleet.Messaging;

var builder = Host.CreateApplicationBuilder(args);
builder.AddTrackAnalysis();                 // use case, CPU budget, decoder, graceful-stop timeouts
// Storage: the IObjectStore registration (builder.AddObjectStore(), S3 or local folder) comes from MixFleet.Storage.
builder.AddMixFleetMessaging(bus => bus.AddConsumer<AnalyzeTrackConsumer, AnalyzeTrackConsumerDefinition>());
await builder.Build().RunAsync();
