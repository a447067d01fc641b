using MixFleet.Analysis;

namespace MixFleet.Benchmarks;

/// <summary>The engine's defaults, read once so every benchmark uses the shipped settings.</summary>
internal static class AnalysisDefaults
{
    public static double PreRollSeconds => AnalysisOptions.Default.PreRollSeconds;
}
