namespace MixFleet.Cli.Fleet;

/// <summary>
/// The ingestion service could not be reached or answered an error. The message is meant for the user and never
/// carries the token.
/// </summary>
public sealed class IngestionException : Exception
{
    public IngestionException()
    {
    }

    public IngestionException(string message)
        : base(message)
    {
    }

    public IngestionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
