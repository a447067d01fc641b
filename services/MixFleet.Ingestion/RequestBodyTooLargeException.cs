namespace MixFleet.Ingestion;

/// <summary>A request body went past <c>MixFleet:Ingestion:MaxRequestBodyBytes</c>.</summary>
internal sealed class RequestBodyTooLargeException(long limit)
    : Exception($"The request body is larger than {limit} bytes, the limit (MixFleet:Ingestion:MaxRequestBodyBytes).")
{
    public long Limit { get; } = limit;
}
