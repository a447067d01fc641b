namespace MixFleet.Contracts;

/// <summary>
/// The names of the built-in QC profiles a message or request may carry. The Reports library defines the profiles
/// themselves; a test keeps the two lists equal, so services that must not load the engine can validate a name.
/// </summary>
public static class QcProfileNames
{
    /// <summary>Every built-in profile name, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = ["streaming", "apple", "ebu-r128", "atsc-a85", "cd", "mix-for-mastering", "none"];

    /// <summary>True when <paramref name="name"/> is a built-in profile name (exact, case-sensitive).</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
