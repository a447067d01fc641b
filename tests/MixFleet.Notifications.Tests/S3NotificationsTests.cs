namespace MixFleet.Notifications.Tests;

public sealed class S3NotificationsTests
{
    [Fact]
    public void RawRecords_DecodesTheKeyFormStyle_AndUnquotesTheETag()
    {
        var parsed = S3Notifications.Parse(Bodies.S3("My+Album/01+Intro%21+%2B+%C3%A9t%C3%A9.wav"));

        Assert.Equal(NotificationOutcome.ObjectEvents, parsed.Outcome);
        Assert.Equal(NotificationEnvelope.S3, parsed.Envelope);
        var e = Assert.Single(parsed.Events);
        Assert.Equal(new S3ObjectEvent("ObjectCreated:Put", "masters", "My Album/01 Intro! + été.wav", "0123456789abcdef0123456789abcdef", 1048576, "2026-11-20T10:15:30.123Z"), e);
        Assert.True(e.IsObjectCreated);
    }

    [Fact]
    public void SnsNotification_UnwrapsTheMessageString()
    {
        var parsed = S3Notifications.Parse(Bodies.Sns(Bodies.S3("label/artist/album/02+Song.flac")));

        Assert.Equal(NotificationOutcome.ObjectEvents, parsed.Outcome);
        Assert.Equal(NotificationEnvelope.Sns, parsed.Envelope);
        var e = Assert.Single(parsed.Events);
        Assert.Equal("label/artist/album/02 Song.flac", e.Key);
        Assert.Equal("masters", e.Bucket);
    }

    [Fact]
    public void EventBridgeObjectCreated_ReadsDetailBucketAndObject_WithTheKeyDecoded()
    {
        var parsed = S3Notifications.Parse(Bodies.EventBridge("My+Album/%C3%A9t%C3%A9+01.wav", reason: "CompleteMultipartUpload"));

        Assert.Equal(NotificationOutcome.ObjectEvents, parsed.Outcome);
        Assert.Equal(NotificationEnvelope.EventBridge, parsed.Envelope);
        Assert.Equal(new S3ObjectEvent("ObjectCreated:CompleteMultipartUpload", "masters", "My Album/été 01.wav", "b1946ac92492d2347c6235b4d2611184", 5, "2026-11-21T23:59:58Z"), Assert.Single(parsed.Events));
    }

    [Theory]
    [InlineData("PutObject", "ObjectCreated:Put")]
    [InlineData("POST Object", "ObjectCreated:Post")]
    [InlineData("CopyObject", "ObjectCreated:Copy")]
    public void EventBridgeReason_NamesTheEventAsS3Notifications_Do(string reason, string eventName)
    {
        var e = Assert.Single(S3Notifications.Parse(Bodies.EventBridge("a.wav", reason: reason)).Events);

        Assert.Equal(eventName, e.EventName);
        Assert.True(e.IsObjectCreated);
    }

    [Fact]
    public void EventBridgeThroughSns_IsRead()
    {
        var parsed = S3Notifications.Parse(Bodies.Sns(Bodies.EventBridge("x/y+z.wav")));

        Assert.Equal(NotificationEnvelope.Sns, parsed.Envelope);
        Assert.Equal("x/y z.wav", Assert.Single(parsed.Events).Key);
    }

    [Fact]
    public void TestEvent_IsRecognised_RawAndThroughSns()
    {
        var raw = S3Notifications.Parse(Bodies.TestEvent);
        var sns = S3Notifications.Parse(Bodies.Sns(Bodies.TestEvent));

        Assert.Equal((NotificationOutcome.TestEvent, NotificationEnvelope.S3, "masters"), (raw.Outcome, raw.Envelope, raw.Detail));
        Assert.Equal((NotificationOutcome.TestEvent, NotificationEnvelope.Sns, "masters"), (sns.Outcome, sns.Envelope, sns.Detail));
        Assert.Empty(raw.Events);
    }

    [Fact]
    public void EventBridgeObjectDeleted_IsIgnoredWithAReason()
    {
        var parsed = S3Notifications.Parse(Bodies.EventBridge("a.wav", detailType: "Object Deleted"));

        Assert.Equal(NotificationOutcome.Ignored, parsed.Outcome);
        Assert.Equal("EventBridge event 'Object Deleted' is not an object creation", parsed.Detail);
    }

    [Fact]
    public void SnsSubscriptionConfirmation_IsIgnored()
    {
        var parsed = S3Notifications.Parse(Bodies.Sns("You have chosen to subscribe to the topic", type: "SubscriptionConfirmation"));

        Assert.Equal((NotificationOutcome.Ignored, NotificationEnvelope.Sns), (parsed.Outcome, parsed.Envelope));
    }

    [Fact]
    public void RemovedObject_IsAnEventButNotACreation()
    {
        var e = Assert.Single(S3Notifications.Parse(Bodies.S3("a.wav", eventName: "ObjectRemoved:Delete")).Events);

        Assert.False(e.IsObjectCreated);
    }

    [Fact]
    public void MinIoPrefixedName_IsACreation() =>
        Assert.True(Assert.Single(S3Notifications.Parse(Bodies.S3("a.wav", eventName: "s3:ObjectCreated:Put")).Events).IsObjectCreated);

    [Fact]
    public void EmptyRecords_IsNoEvents_NotAnError()
    {
        var parsed = S3Notifications.Parse("""{"Records":[]}""");

        Assert.Equal(NotificationOutcome.ObjectEvents, parsed.Outcome);
        Assert.Empty(parsed.Events);
    }

    [Fact]
    public void RecordWithoutObject_HasAnEmptyKeyAndNoETag()
    {
        var e = Assert.Single(S3Notifications.Parse("""{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"}}}]}""").Events);

        Assert.Equal((string.Empty, (string?)null, "b"), (e.Key, e.ETag, e.Bucket));
    }

    [Theory]
    [InlineData("not json", "Not JSON")]
    [InlineData("", "Not JSON")]
    [InlineData("[]", "A JSON object was expected")]
    [InlineData("null", "A JSON object was expected")]
    [InlineData("{}", "neither 'Records' nor an 's3:TestEvent'")]
    [InlineData("""{"Records":[null]}""", "null entry")]
    [InlineData("""{"Records":"x"}""", "Not an S3 event notification")]
    [InlineData("""{"Type":"Notification","TopicArn":"arn:aws:sns:eu-west-1:1:t"}""", "without a 'Message' string")]
    [InlineData("""{"Type":"Notification","TopicArn":"arn:aws:sns:eu-west-1:1:t","Message":"hello"}""", "SNS 'Message' is not JSON")]
    [InlineData("""{"detail-type":"Object Created","source":"aws.s3","detail":"x"}""", "without a 'detail' object")]
    public void Malformed_SaysWhy(string body, string expected)
    {
        var parsed = S3Notifications.Parse(body);

        Assert.Equal(NotificationOutcome.Malformed, parsed.Outcome);
        Assert.Contains(expected, parsed.Detail, StringComparison.Ordinal);
        Assert.Empty(parsed.Events);
    }
}
