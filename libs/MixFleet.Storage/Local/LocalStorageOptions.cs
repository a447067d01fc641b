using System.ComponentModel.DataAnnotations;

namespace MixFleet.Storage.Local;

/// <summary>The local folder store: one folder per bucket under <see cref="RootPath"/>. Bound from <see cref="SectionName"/>.</summary>
public sealed class LocalStorageOptions
{
    /// <summary>The configuration section: <c>MixFleet:Storage:Local</c>.</summary>
    public const string SectionName = "MixFleet:Storage:Local";

    /// <summary>The folder that holds one folder per bucket.</summary>
    [Required(ErrorMessage = "MixFleet:Storage:Local:RootPath is required: the folder that holds one folder per bucket.")]
    public string RootPath { get; set; } = "";
}
