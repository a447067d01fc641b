namespace MixFleet.Ingestion;

/// <summary>A request body read as <typeparamref name="T"/>, or why not and the status code that says so (400 or 413).</summary>
internal sealed record BodyRead<T>(T? Value, string? Error, int StatusCode)
    where T : class;
