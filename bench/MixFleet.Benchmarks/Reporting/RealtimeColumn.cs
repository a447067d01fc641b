using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MixFleet.Benchmarks.Reporting;

/// <summary>
/// "x realtime": seconds of audio processed per wall-clock second (audio seconds / mean time), from the method's
/// <see cref="AudioSecondsAttribute"/>. For single-threaded kernels it is also the x-realtime per core.
/// </summary>
public sealed class RealtimeColumn : IColumn
{
    public string Id => nameof(RealtimeColumn);

    public string ColumnName => "x realtime";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Audio seconds processed per wall-clock second (audio duration / Mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var seconds = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<AudioSecondsAttribute>()?.Seconds;
        var meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return seconds is { } s && meanNanoseconds is > 0
            ? (s / (meanNanoseconds.Value * 1e-9)).ToString("N0", CultureInfo.InvariantCulture)
            : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
