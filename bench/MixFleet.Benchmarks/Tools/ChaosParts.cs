namespace MixFleet.Benchmarks.Tools;

/// <summary>
/// Stops and starts the real parts (s3rver, the RabbitMQ node, the PostgreSQL cluster) through bench/chaos.sh, which
/// started them and runs this tool as its coprocess: a line <c>chaos-ctl ACTION</c> on standard output asks for an
/// action, the script answers <c>ok</c> (or <c>failed …</c>) on standard input once it is done.
/// </summary>
internal sealed class ChaosParts(TextReader answers, TextWriter requests)
{
    /// <summary>Freezes s3rver (SIGSTOP): requests hang, writes in flight finish when it is thawed.</summary>
    public Task StopS3Async() => RunAsync("stop-s3");

    public Task StartS3Async() => RunAsync("start-s3");

    public Task StopBrokerAsync() => RunAsync("stop-broker");

    public Task StartBrokerAsync() => RunAsync("start-broker");

    public Task RestartPostgresAsync() => RunAsync("restart-postgres");

    private async Task RunAsync(string action)
    {
        await requests.WriteLineAsync($"chaos-ctl {action}");
        await requests.FlushAsync();
        var answer = await answers.ReadLineAsync();
        if (answer != "ok")
        {
            throw new InvalidOperationException(
                $"chaos: '{action}' was not done ({answer ?? "no answer: run the chaos tool through bench/chaos.sh, which controls the parts"}).");
        }
    }
}
