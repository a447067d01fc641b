using MixFleet.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MixFleet.ServiceDefaults;
using MixFleet.Storage;
using RabbitMQ.Client;

namespace MixFleet.Fleet.Tests.Support;

/// <summary>
/// A worker host over the real RabbitMQ broker named by MIXFLEET_RABBITMQ and the real PostgreSQL named by
/// MIXFLEET_POSTGRES (scripts/test.sh starts both on loopback and sets them) with the in-memory store. Every host gets
/// the queue prefix its test chose (<see cref="NewQueuePrefix"/>), so its durable queues are its own: tests running at
/// once, or an earlier run's leftovers, never take each other's commands.
/// </summary>
internal static class RabbitMqWorker
{
    private const string BrokerVariable = "MIXFLEET_RABBITMQ";

    /// <summary>A <c>MixFleet:RabbitMq:QueuePrefix</c> of this run's own, e.g. <c>t1a2b3c4d-</c>.</summary>
    public static string NewQueuePrefix() => "t" + Guid.NewGuid().ToString("N")[..8] + "-";

    public static IHost Build(
        InMemoryObjectStore store, string queuePrefix, Action<IServiceCollection> services, Action<IBusRegistrationConfigurator> consumers,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var broker = Broker();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["MixFleet:RabbitMq:Uri"] = broker.ToString(),
            ["MixFleet:RabbitMq:QueuePrefix"] = queuePrefix,
            ["MixFleet:Postgres:ConnectionString"] = MixFleet.Testing.TestDatabase.Create(),
            ["MixFleet:Reports:Bucket"] = UseCases.ReportsBucket,
            ["MixFleet:Worker:Cores"] = "2",
            ["MixFleet:Worker:ShutdownTimeout"] = "00:00:10",
        });
        builder.Services.AddSingleton<IObjectStore>(store);
        services(builder.Services);
        builder.AddTrackAnalysis();
        builder.AddMixFleetMessaging(consumers);
        return builder.Build();
    }

    /// <summary>
    /// Deletes the durable queues <paramref name="queues"/> (full names) with their error and skipped queues, and the
    /// exchanges of the same names MassTransit created for them, so a test run leaves nothing in the broker.
    /// </summary>
    public static async Task DeleteQueuesAsync(params string[] queues)
    {
        var factory = new ConnectionFactory { Uri = Broker() };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var name in queues.SelectMany(q => new[] { q, q + "_error", q + "_skipped" }))
        {
            await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false);
            await channel.ExchangeDeleteAsync(name, ifUnused: false);
        }
    }

    public static Uri Broker()
    {
        var value = Environment.GetEnvironmentVariable(BrokerVariable);
        Uri? uri = null;
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out uri) || uri.Scheme != "amqp")
        {
            Assert.Fail($"{BrokerVariable} must name the RabbitMQ broker for the integration tests, e.g. amqp://guest:guest@127.0.0.1:5672/ "
                + "(scripts/test.sh starts one on loopback and sets it). Got: " + (string.IsNullOrWhiteSpace(value) ? "nothing" : "a value that is not an amqp:// URI"));
        }

        return uri!;
    }
}
