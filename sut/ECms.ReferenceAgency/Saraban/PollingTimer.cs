using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ECms.ReferenceAgency.Saraban;

/// <summary>
/// The agency's own polling schedule (when <see cref="ReferenceAgencyOptions.PollInterval"/> is set): every tick it
/// first retries letters whose send was never confirmed, then runs a polling cycle. Runs on the injected clock, so a
/// fake clock drives it in tests; <see cref="CycleCompleted"/> lets them wait for a tick's work instead of sleeping.
/// </summary>
internal sealed class PollingTimer(Agency agency, ReferenceAgencyOptions options, ILogger<PollingTimer> logger) : BackgroundService
{
    public event EventHandler<ActionResult>? CycleCompleted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.PollInterval is not { } interval)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, options.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var result = await RunCycleAsync(stoppingToken).ConfigureAwait(false);
                CycleCompleted?.Invoke(this, result);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private async Task<ActionResult> RunCycleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await agency.RetryUnconfirmedAsync(cancellationToken).ConfigureAwait(false);
            var result = await agency.PollAsync(cancellationToken).ConfigureAwait(false);
            if (result.Outcome != ActionOutcome.Done)
            {
                logger.LogWarning("Polling cycle: {Outcome} {Reason}", result.Outcome, result.Reason);
            }

            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One bad cycle must not stop the schedule; the next tick tries again.
            logger.LogError(ex, "Polling cycle failed.");
            return ActionResult.Refused("The polling cycle failed: " + ex.Message);
        }
    }
}
