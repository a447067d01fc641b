using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using MixFleet.Benchmarks.Reporting;
using MixFleet.Benchmarks.Tools;

// dotnet run -c Release --project bench/MixFleet.Benchmarks -- --filter '*' [--job short]
// dotnet run -c Release --project bench/MixFleet.Benchmarks -- single-pass FILE | engine FILE [CHUNK_SEGMENTS] [CORES]
if (MeasureCommands.TryRun(args, out var exitCode))
{
    return exitCode;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new RealtimeColumn()));
return 0;
