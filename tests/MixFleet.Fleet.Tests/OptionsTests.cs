using System.ComponentModel.DataAnnotations;
using MixFleet.Fleet.Messaging;
using MixFleet.Fleet.Tracks;

namespace MixFleet.Fleet.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Worker_defaults_are_valid_and_tie_concurrency_to_the_cpu_budget()
    {
        var options = new TrackAnalysisOptions { Cores = 3 };

        Assert.Empty(Validate(options));
        Assert.Equal("mixfleet-reports", options.ReportsBucket);
        Assert.Equal(3, options.EffectiveConcurrentTracks);
        Assert.Equal(TimeSpan.FromHours(1), options.ConsumerTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.ShutdownTimeout);
        Assert.Equal("MixFleet:Worker", TrackAnalysisOptions.SectionName);
    }

    [Fact]
    public void Worker_options_reject_a_bad_bucket_and_a_tiny_consumer_timeout()
    {
        var errors = Validate(new TrackAnalysisOptions { ReportsBucket = "Not_A_Bucket", ConsumerTimeout = TimeSpan.FromSeconds(5) });

        Assert.Contains("MixFleet:Worker:ReportsBucket must be an S3 bucket name (3-63 lowercase letters, digits, '.' or '-').", errors);
        Assert.Contains(errors, e => e?.Contains("ConsumerTimeout", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void RabbitMq_defaults_are_valid_and_an_empty_host_is_named()
    {
        Assert.Empty(Validate(new RabbitMqOptions()));
        Assert.Equal("MixFleet:RabbitMq", RabbitMqOptions.SectionName);

        Assert.Equal(["MixFleet:RabbitMq:Host is required."], Validate(new RabbitMqOptions { Host = "" }));
    }

    private static List<string?> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage).ToList();
    }
}
