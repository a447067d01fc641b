using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using MixFleet.Benchmarks.Reporting;
using MixFleet.Benchmarks.Tools;

// dotnet run -c Release --project bench/MixFleet.Benchmarks -- --filter '*' [--job short]
// dotnet run -c Release --project bench/MixFleet.Benchmarks -- single-pass FILE | engine FILE [CHUNK_SEGMENTS] [CORES]
// dotnet run -c Release --project bench/MixFleet.Benchmarks -- metrics FILE [SECONDS] [ROUNDS]   (each metric's cost alone)
// dotnet run -c Release --project bench/MixFleet.Benchmarks -- fleet-throughput [TRACKS] [SECONDS]   (bench/fleet-throughput.sh)
// dotnet run -c Release --project bench/MixFleet.Benchmarks -- catalog-scan [TRACKS] [ALBUMS] [WORKERS]   (bench/catalog-scan.sh)
// bench/chaos.sh [--short]: the chaos run (it starts the parts it breaks and runs `chaos` as its coprocess)
// dotnet run -c Release --project bench/MixFleet.Benchmarks -- control-plane [TRACKS] [TRACKS_PER_ALBUM] [HOSTS]   (bench/control-plane.sh)
// dotnet run -c Release --project bench/MixFleet.Benchmarks -- sqs-ingestion [EVENTS] [POLLERS]   (bench/sqs-ingestion.sh)
if (MeasureCommands.TryRun(args, out var exitCode))
{
    return exitCode;
}

if (args is ["fleet-throughput", .. var fleetArgs])
{
    return await FleetThroughput.RunAsync(fleetArgs);
}

if (args is ["catalog-scan", .. var catalogArgs])
{
    return await CatalogScan.RunAsync(catalogArgs);
}

if (args is ["chaos", .. var chaosArgs])
{
    return await Chaos.RunAsync(chaosArgs);
}

if (args is ["control-plane", .. var controlArgs])
{
    return await ControlPlane.RunAsync(controlArgs);
}

if (args is ["sqs-ingestion", .. var sqsArgs])
{
    return await SqsIngestion.RunAsync(sqsArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new RealtimeColumn()));
return 0;
