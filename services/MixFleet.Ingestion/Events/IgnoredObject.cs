namespace MixFleet.Ingestion.Events;

/// <summary>A record that published nothing: the decoded key (empty when the record had none) and the reason.</summary>
internal sealed record IgnoredObject(string Key, string Reason);
