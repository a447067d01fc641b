using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using MixFleet.Benchmarks.Reporting;

// dotnet run -c Release --project bench/MixFleet.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new RealtimeColumn()));
