using MixFleet.Testing;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MixFleet.Contracts;
using MixFleet.Fleet.Messaging;
using MixFleet.Fleet.Tests.Support;
using MixFleet.Fleet.Tracks;
using MixFleet.Jobs;
using MixFleet.Analysis.Engine;
using MixFleet.ServiceDefaults;
using MixFleet.ServiceDefaults.Messaging;
using MixFleet.Storage;
using MixFleet.Storage.S3;

namespace MixFleet.Fleet.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Worker_defaults_are_valid_and_tie_concurrency_to_the_cpu_budget()
    {
        var options = new TrackAnalysisOptions { Cores = 3 };

        Assert.Empty(Validate(options));
        Assert.Equal(3, options.EffectiveConcurrentTracks);
        Assert.Equal(TimeSpan.FromMinutes(2), options.ShutdownTimeout);
        Assert.Equal(512, options.MemoryBudgetMb);
        Assert.Equal("MixFleet:Worker", TrackAnalysisOptions.SectionName);
    }

    [Fact]
    public void Worker_memory_budget_is_read_from_its_key_and_shared_by_the_process()
    {
        using var host = BuildWorker(new()
        {
            ["MixFleet:Reports:Bucket"] = "shared-reports",
            ["MixFleet:Worker:MemoryBudgetMb"] = "96",
        });

        var budget = host.Services.GetRequiredService<MemoryBudget>();
        Assert.Equal(96L * 1024 * 1024, budget.Bytes);
        Assert.Same(budget, host.Services.GetRequiredService<MemoryBudget>());
        Assert.Equal(["The field MemoryBudgetMb must be between 16 and 1048576."], Validate(new TrackAnalysisOptions { MemoryBudgetMb = 8 }));
    }

    [Fact]
    public void Reports_bucket_defaults_to_mixfleet_reports_and_names_a_missing_or_bad_bucket()
    {
        Assert.Empty(Validate(new ReportsOptions()));
        Assert.Equal("mixfleet-reports", new ReportsOptions().Bucket);
        Assert.Equal("MixFleet:Reports", ReportsOptions.SectionName);

        Assert.Equal(["MixFleet:Reports:Bucket is required: the bucket for track and album reports and job manifests."], Validate(new ReportsOptions { Bucket = "" }));
        Assert.Equal(["MixFleet:Reports:Bucket must be an S3 bucket name (3-63 lowercase letters, digits, '.' or '-')."], Validate(new ReportsOptions { Bucket = "Not_A_Bucket" }));
    }

    [Fact]
    public void Worker_takes_the_reports_bucket_and_concurrency_from_configuration_keys()
    {
        using var host = BuildWorker(new()
        {
            ["MixFleet:Reports:Bucket"] = "shared-reports",
            ["MixFleet:Worker:ConcurrentTracks"] = "3",
            ["MixFleet:Worker:ReportsBucket"] = "ignored-old-key",
        });

        var worker = host.Services.GetRequiredService<IOptions<TrackAnalysisOptions>>().Value;
        Assert.Equal(3, worker.EffectiveConcurrentTracks);
        Assert.Equal("shared-reports", host.Services.GetRequiredService<IOptions<ReportsOptions>>().Value.Bucket);
    }

    [Fact]
    public async Task Worker_start_fails_naming_a_missing_reports_bucket()
    {
        // The host's stop timeout is derived from the worker's options, so validation may already fire in Build().
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            using var host = BuildWorker(new() { ["MixFleet:Reports:Bucket"] = "" });
            await host.StartAsync();
        });

        Assert.Contains("MixFleet:Reports:Bucket is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_start_fails_naming_a_missing_postgres_connection_string()
    {
        // The job store (AddTrackAnalysis registers it) is validated before anything connects.
        using var host = BuildWorker(new() { ["MixFleet:Postgres:ConnectionString"] = null });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MixFleet:Postgres:ConnectionString is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RabbitMq_defaults_are_valid_and_an_empty_host_is_named()
    {
        Assert.Empty(Validate(new RabbitMqOptions()));
        Assert.Equal("MixFleet:RabbitMq", RabbitMqOptions.SectionName);

        Assert.Equal(["MixFleet:RabbitMq:Host is required."], Validate(new RabbitMqOptions { Host = "" }));
        Assert.Null(new RabbitMqOptions().Uri);
        Assert.Equal(new RabbitMqEndpoint("localhost", 5672, "/", "guest", "guest", UseTls: false), new RabbitMqOptions().Resolve());
    }

    [Fact]
    public void RabbitMq_queue_prefix_is_empty_by_default_and_goes_in_front_of_every_queue_name()
    {
        Assert.Equal("", new RabbitMqOptions().QueuePrefix);
        Assert.Equal("analyze-track", new RabbitMqOptions().QueueName(QueueNames.AnalyzeTrack));

        var options = new RabbitMqOptions { QueuePrefix = "t1a2b3c4d-" };
        Assert.Empty(Validate(options));
        Assert.Equal("t1a2b3c4d-analyze-track", options.QueueName(QueueNames.AnalyzeTrack));
        Assert.Equal("t1a2b3c4d-album-aggregation", options.QueueName(QueueNames.AlbumAggregation));
        Assert.Empty(Validate(new RabbitMqOptions { QueuePrefix = "qc.prod-2." }));
        Assert.Empty(Validate(new RabbitMqOptions { QueuePrefix = "a" + new string('b', 100) }));
    }

    [Theory]
    [InlineData("Fleet-")]
    [InlineData("-fleet")]
    [InlineData(".fleet")]
    [InlineData("fleet_a")]
    [InlineData("fleet a")]
    [InlineData("fleet/")]
    [InlineData("fleet:")]
    public void RabbitMq_queue_prefix_may_hold_only_lowercase_letters_digits_dots_and_dashes(string prefix) =>
        Assert.Equal(["MixFleet:RabbitMq:QueuePrefix may hold only lowercase letters, digits, '.' and '-'."], Validate(new RabbitMqOptions { QueuePrefix = prefix }));

    [Fact]
    public void RabbitMq_queue_prefix_is_at_most_101_characters() =>
        Assert.Equal(
            ["MixFleet:RabbitMq:QueuePrefix may hold only lowercase letters, digits, '.' and '-'."],
            Validate(new RabbitMqOptions { QueuePrefix = "a" + new string('b', 101) }));

    [Fact]
    public void The_worker_consumers_take_their_queue_names_from_the_prefix()
    {
        var rabbit = Options.Create(new RabbitMqOptions { QueuePrefix = "t1a2b3c4d-" });
        MassTransit.IConsumerDefinition tracks = new AnalyzeTrackConsumerDefinition(Options.Create(new TrackAnalysisOptions { Cores = 2 }), rabbit);
        MassTransit.IConsumerDefinition albums = new AlbumAggregationConsumerDefinition(rabbit);

        Assert.Equal("t1a2b3c4d-analyze-track", tracks.GetEndpointName(MassTransit.KebabCaseEndpointNameFormatter.Instance));
        Assert.Equal("t1a2b3c4d-album-aggregation", albums.GetEndpointName(MassTransit.KebabCaseEndpointNameFormatter.Instance));
        Assert.Equal(2, tracks.ConcurrentMessageLimit);
    }

    [Theory]
    [InlineData("http://guest:guest@127.0.0.1:5672/")]
    [InlineData("not a uri")]
    [InlineData("amqp:///")]
    public void RabbitMq_uri_must_be_amqp_or_amqps(string uri)
    {
        var options = new RabbitMqOptions { Uri = uri };

        Assert.Equal(["MixFleet:RabbitMq:Uri must be an absolute amqp:// or amqps:// URI with a host, e.g. amqp://guest:guest@127.0.0.1:5672/."], Validate(options));
        Assert.Throws<InvalidOperationException>(options.Resolve);
    }

    [Fact]
    public void RabbitMq_uri_supplies_host_port_vhost_user_and_password()
    {
        var options = new RabbitMqOptions { Uri = "amqp://fleet:s%40cret@rabbit.example:5673/qc%2Fprod", Host = "ignored", Password = "ignored" };

        Assert.Empty(Validate(options));
        Assert.Equal(new RabbitMqEndpoint("rabbit.example", 5673, "qc/prod", "fleet", "s@cret", UseTls: false), options.Resolve());
    }

    [Fact]
    public void RabbitMq_uri_falls_back_to_the_separate_properties_and_amqps_defaults_to_5671()
    {
        var endpoint = new RabbitMqOptions { Uri = "amqps://rabbit.example", Username = "worker", Password = "from-secret", VirtualHost = "qc" }.Resolve();

        Assert.Equal(new RabbitMqEndpoint("rabbit.example", 5671, "qc", "worker", "from-secret", UseTls: true), endpoint);
    }

    [Fact]
    public void RabbitMq_endpoint_is_logged_with_the_password_redacted()
    {
        var endpoint = new RabbitMqOptions { Uri = "amqp://guest:hunter2@127.0.0.1:5672/" }.Resolve();

        Assert.Equal("amqp://guest:***@127.0.0.1:5672/", endpoint.ToString());
        Assert.DoesNotContain("hunter2", endpoint.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bus_start_fails_naming_a_bad_rabbitmq_uri()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MixFleet:RabbitMq:Uri"] = "http://127.0.0.1:5672/" });
        builder.AddMixFleetMessaging(_ => { });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MixFleet:RabbitMq:Uri must be an absolute amqp:// or amqps:// URI", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_environment_variables_configure_broker_store_reports_and_concurrency()
    {
        // A prefix of this test's own keeps the process environment of other tests untouched.
        var prefix = "MIXFLEET_TEST_" + Guid.NewGuid().ToString("N") + "_";
        var variables = new Dictionary<string, string>
        {
            ["MixFleet__RabbitMq__Uri"] = "amqp://fleet:pw@rabbit.example:5672/",
            ["MixFleet__RabbitMq__QueuePrefix"] = "staging-",
            ["MixFleet__Postgres__ConnectionString"] = "Host=postgres.example;Port=5433;Database=mixfleet;Username=fleet;Password=pg-secret",
            ["MixFleet__Storage__Kind"] = "s3",
            ["MixFleet__S3__ServiceUrl"] = "http://127.0.0.1:9000",
            ["MixFleet__S3__AccessKey"] = "access",
            ["MixFleet__S3__SecretKey"] = "secret",
            ["MixFleet__S3__Region"] = "eu-west-1",
            ["MixFleet__S3__ForcePathStyle"] = "false",
            ["MixFleet__Reports__Bucket"] = "env-reports",
            ["MixFleet__Worker__ConcurrentTracks"] = "5",
        };
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(prefix + name, value);
        }

        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddEnvironmentVariables(prefix);
            builder.AddTrackAnalysis();
            builder.AddObjectStore();
            builder.AddMixFleetMessaging(_ => { });
            using var host = builder.Build();

            var s3 = host.Services.GetRequiredService<IOptions<S3StorageOptions>>().Value;
            Assert.Equal(("http://127.0.0.1:9000", "access", "secret", "eu-west-1", false), (s3.ServiceUrl, s3.AccessKey, s3.SecretKey, s3.Region, s3.EffectiveForcePathStyle));
            Assert.Equal("env-reports", host.Services.GetRequiredService<IOptions<ReportsOptions>>().Value.Bucket);
            Assert.Equal(5, host.Services.GetRequiredService<IOptions<TrackAnalysisOptions>>().Value.EffectiveConcurrentTracks);
            Assert.Equal(
                new RabbitMqEndpoint("rabbit.example", 5672, "/", "fleet", "pw", UseTls: false),
                host.Services.GetRequiredService<IOptions<RabbitMqOptions>>().Value.Resolve());
            Assert.Equal("staging-", host.Services.GetRequiredService<IOptions<RabbitMqOptions>>().Value.QueuePrefix);
            var postgres = host.Services.GetRequiredService<IOptions<PostgresOptions>>().Value;
            Assert.Equal("postgresql://fleet@postgres.example:5433/mixfleet", postgres.Describe());
            Assert.Equal("pg-secret", postgres.Build().Password);
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }
    }

    // Built (and at most validated), never started far enough to connect: any valid connection string will do.
    private static IHost BuildWorker(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MixFleet:Postgres:ConnectionString"] = JobStoreDatabase.Unused });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSingleton<IObjectStore>(new InMemoryObjectStore());
        builder.AddTrackAnalysis();
        return builder.Build();
    }

    private static List<string?> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage).ToList();
    }
}
