namespace MixFleet.Notifications;

/// <summary>The result of reading one notification message.</summary>
/// <param name="Outcome">What the message is.</param>
/// <param name="Envelope">The envelope it came in (the outermost one recognised; <see cref="NotificationEnvelope.S3"/> when none was).</param>
/// <param name="Events">The object events (<see cref="NotificationOutcome.ObjectEvents"/> only; empty otherwise).</param>
/// <param name="Detail">Why it is <see cref="NotificationOutcome.Ignored"/> or <see cref="NotificationOutcome.Malformed"/>; the bucket of a test event.</param>
public sealed record ParsedNotification(NotificationOutcome Outcome, NotificationEnvelope Envelope, IReadOnlyList<S3ObjectEvent> Events, string? Detail)
{
    internal static ParsedNotification Of(NotificationEnvelope envelope, IReadOnlyList<S3ObjectEvent> events) => new(NotificationOutcome.ObjectEvents, envelope, events, null);

    internal static ParsedNotification Test(NotificationEnvelope envelope, string? bucket) => new(NotificationOutcome.TestEvent, envelope, [], bucket);

    internal static ParsedNotification Ignore(NotificationEnvelope envelope, string reason) => new(NotificationOutcome.Ignored, envelope, [], reason);

    internal static ParsedNotification Malformed(NotificationEnvelope envelope, string error) => new(NotificationOutcome.Malformed, envelope, [], error);
}
