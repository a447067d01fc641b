using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Npgsql;

namespace MixFleet.Jobs;

/// <summary>The job store's database (configuration section <c>MixFleet:Postgres</c>). The password is never logged.</summary>
public sealed class PostgresOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MixFleet:Postgres";

    /// <summary>Seconds to wait for a connection when the connection string does not say (Npgsql's own default is 15).</summary>
    public const int DefaultConnectTimeoutSeconds = 5;

    /// <summary>
    /// Npgsql connection string: <c>Host=…;Port=5432;Database=mixfleet;Username=…;Password=…</c>. Required.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "MixFleet:Postgres:ConnectionString is required: the PostgreSQL database of the job store, e.g. Host=postgres;Port=5432;Database=mixfleet;Username=mixfleet;Password=….",
                [nameof(ConnectionString)]);
            yield break;
        }

        if (Parse(ConnectionString) is null)
        {
            // Never echo the value: it holds the password.
            yield return new ValidationResult(
                "MixFleet:Postgres:ConnectionString is not a valid Npgsql connection string (Key=Value pairs separated by ';', with Host).",
                [nameof(ConnectionString)]);
        }
    }

    /// <summary>The connection settings, with <see cref="DefaultConnectTimeoutSeconds"/> when no timeout is given.</summary>
    public NpgsqlConnectionStringBuilder Build()
    {
        var builder = Parse(ConnectionString) ?? throw new InvalidOperationException("MixFleet:Postgres:ConnectionString is not valid.");
        if (!builder.ContainsKey("Timeout"))
        {
            builder.Timeout = DefaultConnectTimeoutSeconds;
        }

        return builder;
    }

    /// <summary>Where the store lives, safe to log: host, port, database and user, never the password.</summary>
    public string Describe()
    {
        var b = Parse(ConnectionString);
        return b is null
            ? "(invalid connection string)"
            : string.Create(CultureInfo.InvariantCulture, $"postgresql://{b.Username}@{b.Host}:{b.Port}/{b.Database}");
    }

    private static NpgsqlConnectionStringBuilder? Parse(string? value)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            return string.IsNullOrWhiteSpace(builder.Host) ? null : builder;
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
