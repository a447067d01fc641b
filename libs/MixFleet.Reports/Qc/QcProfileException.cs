namespace MixFleet.Reports.Qc;

/// <summary>A profile that cannot be used: unknown name, unreadable file, or invalid settings. The message says which and why.</summary>
public sealed class QcProfileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QcProfileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public QcProfileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public QcProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
