namespace MixFleet.Ingestion.Dashboard;

/// <summary>The dashboard's log messages: never a password, a token or a session.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(40, LogLevel.Warning, "Dashboard login rejected ({Kind})")]
    public static partial void LoginRejected(ILogger logger, string kind);

    [LoggerMessage(41, LogLevel.Information, "Dashboard login of {User}")]
    public static partial void LoggedIn(ILogger logger, string user);
}
