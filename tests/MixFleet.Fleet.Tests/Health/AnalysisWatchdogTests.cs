using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MixFleet.Fleet.Health;
using MixFleet.Fleet.Telemetry;
using MixFleet.Fleet.Tracks;

namespace MixFleet.Fleet.Tests.Health;

/// <summary>The liveness watchdog on a clock the test moves: a track that stops moving for the stall timeout is reported, one that moves is not.</summary>
public sealed class AnalysisWatchdogTests : IDisposable
{
    private static readonly TimeSpan StallTimeout = TimeSpan.FromMinutes(10);
    private readonly ManualClock _clock = new();
    private readonly ActivitySource _source = new("MixFleet.Tests.Watchdog");
    private readonly AnalysisWatchdog _watchdog;

    public AnalysisWatchdogTests() =>
        _watchdog = new AnalysisWatchdog(Options.Create(new TrackAnalysisOptions { StallTimeout = StallTimeout }), _clock);

    public void Dispose() => _source.Dispose();

    [Fact]
    public async Task A_track_without_progress_for_the_stall_timeout_fails_liveness_and_recovers_once_it_ends()
    {
        using var stages = TrackStages.Begin(_source, parent: null);
        var watch = _watchdog.Begin(stages, "masters/a/01.wav");

        _clock.Advance(StallTimeout - TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("masters/a/01.wav", result.Description, StringComparison.Ordinal);
        Assert.Contains("600 s", result.Description, StringComparison.Ordinal);
        watch.Dispose();
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Decoded_frames_and_stage_changes_count_as_progress()
    {
        using var stages = TrackStages.Begin(_source, parent: null);
        using var watch = _watchdog.Begin(stages, "masters/a/02.wav");

        for (var step = 0; step < 5; step++)
        {
            _clock.Advance(StallTimeout / 2);
            stages.AddFrames(4_800, 48_000);
            Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
        }

        _clock.Advance(StallTimeout / 2);
        stages.Enter(TrackStages.Write);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
        // Zero frames (end of stream) is not progress.
        _clock.Advance(StallTimeout);
        stages.AddFrames(0, 48_000);
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Only_the_stalled_track_is_named_among_several_in_flight()
    {
        using var moving = TrackStages.Begin(_source, parent: null);
        using var stuck = TrackStages.Begin(_source, parent: null);
        using var movingWatch = _watchdog.Begin(moving, "masters/moving.wav");
        using var stuckWatch = _watchdog.Begin(stuck, "masters/stuck.wav");

        _clock.Advance(StallTimeout / 2);
        moving.AddFrames(1, 48_000);
        await CheckAsync();
        _clock.Advance(StallTimeout / 2);
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("1 track(s)", result.Description, StringComparison.Ordinal);
        Assert.Contains("masters/stuck.wav", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("masters/moving.wav", result.Description, StringComparison.Ordinal);
    }

    private Task<HealthCheckResult> CheckAsync()
    {
        var check = new AnalysisProgressHealthCheck(_watchdog);
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("analysis-progress", check, HealthStatus.Unhealthy, tags: null) };
        return check.CheckHealthAsync(context);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
