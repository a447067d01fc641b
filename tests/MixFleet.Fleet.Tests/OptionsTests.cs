using MixFleet.Testing;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MixFleet.Fleet.Messaging;
using MixFleet.Fleet.Tracks;
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
        Assert.Equal(TimeSpan.FromHours(1), options.ConsumerTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.ShutdownTimeout);
        Assert.Equal("MixFleet:Worker", TrackAnalysisOptions.SectionName);
    }

    [Fact]
    public void Worker_options_reject_a_tiny_consumer_timeout()
    {
        var errors = Validate(new TrackAnalysisOptions { ConsumerTimeout = TimeSpan.FromSeconds(5) });

        Assert.Contains(errors, e => e?.Contains("ConsumerTimeout", StringComparison.Ordinal) == true);
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
    public void RabbitMq_defaults_are_valid_and_an_empty_host_is_named()
    {
        Assert.Empty(Validate(new RabbitMqOptions()));
        Assert.Equal("MixFleet:RabbitMq", RabbitMqOptions.SectionName);

        Assert.Equal(["MixFleet:RabbitMq:Host is required."], Validate(new RabbitMqOptions { Host = "" }));
        Assert.Null(new RabbitMqOptions().Uri);
        Assert.Equal(new RabbitMqEndpoint("localhost", 5672, "/", "guest", "guest", UseTls: false), new RabbitMqOptions().Resolve());
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
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }
    }

    private static IHost BuildWorker(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
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
