using System.Reflection;

namespace MixFleet.Analysis;

/// <summary>The engine's version, written into every report so results can be tied to the code that made them.</summary>
public static class AnalyzerVersion
{
    /// <summary>The informational version of this assembly, without build metadata.</summary>
    public static string Current { get; } =
        (typeof(AnalyzerVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
