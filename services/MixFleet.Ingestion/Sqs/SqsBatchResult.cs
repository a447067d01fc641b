using Amazon.SQS.Model;

namespace MixFleet.Ingestion.Sqs;

/// <summary>What a handled batch leaves: the messages done with (to delete), and whether recording the events failed (back off).</summary>
internal sealed record SqsBatchResult(IReadOnlyList<Message> Done, bool Failed);
