using MixFleet.Ingestion.Dashboard;
using MixFleet.Ingestion.Hosting;
using MixFleet.Ingestion.Sqs;

var builder = WebApplication.CreateBuilder(args);
builder.AddIngestionTelemetry();    // traces and metrics (ASP.NET Core, MassTransit, HTTP); OTLP when configured
builder.AddIngestion();             // options (validated on start), events, scans, problem details, health checks
builder.AddIngestionStorage();      // S3 / S3-compatible or local folder, from MixFleet:Storage
builder.AddIngestionControlPlane(); // job store (PostgreSQL), outbox dispatcher, scan listing consumer, RabbitMQ
builder.AddIngestionSqs();          // S3 notifications from SQS (direct, SNS, EventBridge) when MixFleet:Sqs:QueueUrls is set
builder.AddDashboard();             // web dashboard: pages, login (session cookie or ingestion token), antiforgery

var app = builder.Build();
app.MapIngestionHealth();           // /health/live, /health/ready in every environment
app.MapIngestionApi();              // /v1/events/s3, /v1/scans, /v1/jobs, /v1/jobs/{id} (bearer token)
app.MapDashboard();                 // /dashboard: jobs, a job (live), an album and its report, start a scan
await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory can find the assembly.</summary>
public partial class Program;
