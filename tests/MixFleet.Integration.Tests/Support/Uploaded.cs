namespace MixFleet.Integration.Tests.Support;

/// <summary>An object uploaded to a run's source bucket: its key, its ETag (without quotes) and its size in bytes.</summary>
internal sealed record Uploaded(string Key, string ETag, long Size);
