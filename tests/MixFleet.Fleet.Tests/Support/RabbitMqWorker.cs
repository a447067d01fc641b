using MixFleet.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MixFleet.Storage;

namespace MixFleet.Fleet.Tests.Support;

/// <summary>
/// A worker host over the real RabbitMQ broker named by MIXFLEET_RABBITMQ (scripts/test.sh starts one on loopback and
/// sets it) with the in-memory store. Tests that use it share the <see cref="Collection"/>: they consume the same
/// durable queues, so two at once would steal each other's messages.
/// </summary>
internal static class RabbitMqWorker
{
    public const string Collection = "RabbitMQ";

    private const string BrokerVariable = "MIXFLEET_RABBITMQ";

    public static IHost Build(InMemoryObjectStore store, Action<IServiceCollection> services, Action<IBusRegistrationConfigurator> consumers)
    {
        var broker = Broker();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MixFleet:RabbitMq:Uri"] = broker.ToString(),
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

    private static Uri Broker()
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
