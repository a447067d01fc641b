using System.Text.Json;
using System.Text.Json.Serialization;

namespace MixFleet.Reports.Json;

/// <summary>
/// An enum as its camelCase name (<c>"fail"</c>, <c>"fileName"</c>), not a number. The generic converter is the one
/// trimming and Native AOT can see through (the non-generic <see cref="JsonStringEnumConverter"/> makes its converter
/// by reflection at run time); a parameterless constructor lets source generation name it in
/// <see cref="JsonSourceGenerationOptionsAttribute.Converters"/>.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class CamelCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Writes names in camelCase; reads them, or the number.</summary>
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: true)
    {
    }
}
