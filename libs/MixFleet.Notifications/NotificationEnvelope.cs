namespace MixFleet.Notifications;

/// <summary>How an S3 notification reached the fleet.</summary>
public enum NotificationEnvelope
{
    /// <summary>The S3 notification JSON itself (<c>Records</c>, or <c>s3:TestEvent</c>): a webhook, SQS directly, SNS with raw delivery.</summary>
    S3,

    /// <summary>An SNS message (<c>Type: Notification</c>) whose <c>Message</c> string holds the S3 notification JSON (or an EventBridge event).</summary>
    Sns,

    /// <summary>An EventBridge event from <c>aws.s3</c> (<c>detail-type: Object Created</c>, <c>detail.bucket.name</c>, <c>detail.object.key</c>).</summary>
    EventBridge,
}
