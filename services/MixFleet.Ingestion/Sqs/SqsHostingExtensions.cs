using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MixFleet.Storage.S3;

namespace MixFleet.Ingestion.Sqs;

/// <summary>Registers the SQS source (docs/ingestion.md, "SQS").</summary>
internal static class SqsHostingExtensions
{
    /// <summary>
    /// <see cref="SqsOptions"/> (validated on start, always) and, when <c>MixFleet:Sqs:QueueUrls</c> names a queue, the
    /// client and the pollers. <c>QueueUrls</c> may be an array or one string of URLs separated by commas.
    /// </summary>
    public static IHostApplicationBuilder AddIngestionSqs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var queues = builder.Configuration.GetSection(SqsOptions.SectionName).GetSection(nameof(SqsOptions.QueueUrls));
        services.AddOptions<SqsOptions>().BindConfiguration(SqsOptions.SectionName)
            .Configure(o =>
            {
                // A parent key of an array may read as "" (chained configuration): only a real string is a list.
                if (!string.IsNullOrWhiteSpace(queues.Value))
                {
                    o.QueueUrls = SqsOptions.SplitUrls(queues.Value);
                }
            })
            .ValidateDataAnnotations().ValidateOnStart();
        if (string.IsNullOrWhiteSpace(queues.Value) && !queues.GetChildren().Any())
        {
            return builder;   // no queue: the SQS source is off
        }

        services.TryAddSingleton<IAmazonSQS>(sp => SqsClientFactory.Create(
            sp.GetRequiredService<IOptions<SqsOptions>>().Value,
            sp.GetRequiredService<IConfiguration>().GetSection(S3StorageOptions.SectionName).Get<S3StorageOptions>() ?? new S3StorageOptions()));
        services.AddSingleton<SqsBatchHandler>();
        services.AddSingleton<SqsQueuePoller>();
        services.AddHostedService<SqsSource>();
        return builder;
    }
}
