using Microsoft.Extensions.Logging;

namespace MixFleet.Storage;

/// <summary>The storage library's log messages. Object keys may appear; credentials never do.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Storage request failed transiently ({ExceptionType}); retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, int attempt, TimeSpan delay, string exceptionType);
}
