using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MixFleet.Fleet.Tests.Support;
using MixFleet.Storage;
using MixFleet.Testing;

namespace MixFleet.Fleet.Tests.Health;

/// <summary>
/// The worker as services/MixFleet.Worker/Program.cs builds it (its health endpoints included) on the real RabbitMQ and
/// PostgreSQL, with the object store replaced: live and ready while everything answers; not ready, still live, when the
/// object store fails.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WorkerHealthEndpointTests
{
    [Fact]
    public async Task Live_and_ready_while_the_broker_the_database_and_the_store_answer()
    {
        await using var worker = new WorkerFactory(new InMemoryObjectStore());
        using var client = worker.CreateClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Not_ready_but_live_when_the_object_store_fails()
    {
        await using var worker = new WorkerFactory(new FailingStore());
        using var client = worker.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private sealed class WorkerFactory(IObjectStore store) : WebApplicationFactory<Program>
    {
        private readonly string _queuePrefix = RabbitMqWorker.NewQueuePrefix();

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await RabbitMqWorker.DeleteQueuesAsync(
                [.. new[] { "analyze-track", "album-aggregation", "job-progress" }.Select(q => _queuePrefix + q)]);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("MixFleet:RabbitMq:Uri", RabbitMqWorker.Broker().ToString());
            builder.UseSetting("MixFleet:RabbitMq:QueuePrefix", _queuePrefix);
            builder.UseSetting("MixFleet:Postgres:ConnectionString", TestDatabase.Create());
            builder.UseSetting("MixFleet:Reports:Bucket", UseCases.ReportsBucket);
            builder.UseSetting("MixFleet:Storage:Kind", "local");
            builder.UseSetting("MixFleet:Storage:Local:RootPath", Path.GetTempPath());
            builder.UseSetting("MixFleet:Worker:Cores", "1");
            builder.UseSetting("MixFleet:Worker:ShutdownTimeout", "00:00:05");
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<IObjectStore>();
                services.AddSingleton(store);
            });
        }
    }

    private sealed class FailingStore : IObjectStore
    {
        public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken) =>
            throw new IOException("The store is down (test).");

        public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken) =>
            throw new IOException("The store is down (test).");

        public Task PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken) =>
            throw new IOException("The store is down (test).");

        public IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, CancellationToken cancellationToken) =>
            throw new IOException("The store is down (test).");
    }
}
