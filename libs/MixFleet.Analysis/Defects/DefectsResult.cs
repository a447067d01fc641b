namespace MixFleet.Analysis.Defects;

/// <summary>The defects of a track: the first <see cref="DefectList.MaxPerKind"/> of each kind in time order, and every kind's total.</summary>
public sealed record DefectsResult
{
    /// <summary>The defects listed, in time order.</summary>
    public required IReadOnlyList<Defect> Items { get; init; }

    /// <summary>How many of each kind were found (listed or not); every kind of <see cref="DefectKinds.All"/> is present.</summary>
    public required IReadOnlyDictionary<string, long> Totals { get; init; }

    /// <summary>The ceiling the <c>intersample-over</c> defects were measured against, dBTP.</summary>
    public required double OverCeilingDbtp { get; init; }
}
