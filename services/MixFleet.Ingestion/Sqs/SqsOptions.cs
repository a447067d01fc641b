using System.ComponentModel.DataAnnotations;

namespace MixFleet.Ingestion.Sqs;

/// <summary>
/// The SQS source (section <c>MixFleet:Sqs</c>): queues that receive S3 event notifications directly, through SNS or
/// through an EventBridge rule. Off while <see cref="QueueUrls"/> is empty. Region and credentials: <see cref="Region"/>,
/// else <c>MixFleet:S3:Region</c>; <c>MixFleet:S3:AccessKey</c>/<c>SecretKey</c> when set, else the SDK's default chain.
/// </summary>
public sealed class SqsOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MixFleet:Sqs";

    /// <summary>The queues to poll: an array, or one string of URLs separated by commas or spaces (an environment variable).</summary>
    public List<string> QueueUrls { get; set; } = [];

    /// <summary>The endpoint of an SQS-compatible server (an emulator); null for AWS SQS.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The region requests are signed for; null = <c>MixFleet:S3:Region</c> (default <c>us-east-1</c>).</summary>
    public string? Region { get; set; }

    /// <summary>Concurrent long-polling loops per queue.</summary>
    [Range(1, 32, ErrorMessage = "MixFleet:Sqs:PollersPerQueue must be between 1 and 32.")]
    public int PollersPerQueue { get; set; } = 2;

    /// <summary>How long one receive waits for messages (long polling; SQS allows 0–20 s, whole seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:20", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "MixFleet:Sqs:WaitTime must be between 0 and 20 seconds (SQS long polling).")]
    public TimeSpan WaitTime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long received messages stay hidden from other pollers; extended while a batch is being recorded, so it only
    /// decides how soon a message comes back after a crash (or a failure to record it).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "12:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "MixFleet:Sqs:VisibilityTimeout must be between 1 second and 12 hours (SQS limits).")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Messages per receive (SQS allows 1–10); each batch is recorded in one transaction per event job.</summary>
    [Range(1, 10, ErrorMessage = "MixFleet:Sqs:MaxMessages must be between 1 and 10.")]
    public int MaxMessages { get; set; } = 10;

    /// <summary>True when at least one queue is configured.</summary>
    public bool Enabled => QueueUrls.Count > 0;

    /// <summary><see cref="WaitTime"/> in whole seconds, as SQS takes it.</summary>
    public int WaitTimeSeconds => (int)WaitTime.TotalSeconds;

    /// <summary><see cref="VisibilityTimeout"/> in whole seconds (at least 1), as SQS takes it.</summary>
    public int VisibilityTimeoutSeconds => Math.Max(1, (int)Math.Ceiling(VisibilityTimeout.TotalSeconds));

    /// <summary>Splits a list given as one string (commas, semicolons or white space) into URLs.</summary>
    public static List<string> SplitUrls(string value) =>
        [.. (value ?? string.Empty).Split([',', ';', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var url in QueueUrls)
        {
            if (!IsHttpUrl(url))
            {
                yield return new ValidationResult(
                    $"MixFleet:Sqs:QueueUrls: '{url}' is not a queue URL; expected https://sqs.<region>.amazonaws.com/<account>/<queue> (or the emulator's http://host:port/<account>/<queue>).",
                    [nameof(QueueUrls)]);
            }
        }

        if (QueueUrls.Distinct(StringComparer.Ordinal).Count() != QueueUrls.Count)
        {
            yield return new ValidationResult("MixFleet:Sqs:QueueUrls names a queue twice; raise MixFleet:Sqs:PollersPerQueue instead.", [nameof(QueueUrls)]);
        }

        if (ServiceUrl is not null && !IsHttpUrl(ServiceUrl))
        {
            yield return new ValidationResult("MixFleet:Sqs:ServiceUrl must be an absolute http(s) URL, e.g. http://127.0.0.1:4566.", [nameof(ServiceUrl)]);
        }
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
