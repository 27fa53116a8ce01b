namespace ECms.Conformance.Containers;

public sealed partial class SutContainer
{
    /// <summary>Asks the engine now whether the container still runs; when not, how it ended and its last log lines.</summary>
    public async Task<SutContainerStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return new SutContainerStatus("removed", false, Exited.IsCompletedSuccessfully ? Exited.Result : null, false, Tail(_finalLogs));
        }

        var state = await _engine.InspectAsync(Id, cancellationToken).ConfigureAwait(false);
        if (state is { Running: true })
        {
            return new SutContainerStatus(state.Status, true, null, false, []);
        }

        var logs = await GetLogsAsync(cancellationToken).ConfigureAwait(false);
        return state is null
            ? new SutContainerStatus("removed", false, null, false, Tail(logs))
            : new SutContainerStatus(state.Status, false, state.ExitCode, state.OomKilled, Tail(logs));
    }

    /// <summary>For a driver whose request to the SUT failed: throws if that is because the container is gone.</summary>
    /// <exception cref="ContainerConfigurationException">The container stopped (<see cref="ContainerProblem.ExitedDuringRun"/>), with exit code and last log lines.</exception>
    public async Task EnsureRunningAsync(CancellationToken cancellationToken = default)
    {
        var status = await GetStatusAsync(cancellationToken).ConfigureAwait(false);
        if (status.IsRunning)
        {
            return;
        }

        var how = status.ExitCode is { } code ? $"exited with code {code}{(status.OutOfMemory ? " (killed for lack of memory)" : "")}" : status.State;
        throw new ContainerConfigurationException(
            ContainerProblem.ExitedDuringRun,
            $"The container {Name} of {Image} stopped during the run: {how}.",
            "read its last log lines below; the system under test must keep running for the whole run. A code of 137 means it was killed "
            + "(by the engine, an operator or the kernel), 139 that it crashed.",
            status.ExitCode, status.LogTail);
    }

    /// <summary>Everything the container wrote so far — after dispose, what it wrote until it was removed.</summary>
    public async Task<SutContainerLogs> GetLogsAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return _finalLogs ?? SutContainerLogs.Unavailable("the container was removed before its logs were read");
        }

        var (stdout, stderr) = await _container.GetLogsAsync(timestampsEnabled: true, ct: cancellationToken).ConfigureAwait(false);
        return SutContainerLogs.FromTimestamped(stdout, stderr);
    }

    /// <summary>Stops the container as a crash would (SIGKILL by default): for tests of a SUT that dies mid-run.</summary>
    public Task KillAsync(string signal = "KILL", CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        return _engine.KillAsync(Id, signal, cancellationToken);
    }

    private IReadOnlyList<string> Tail(SutContainerLogs? logs) => logs?.Tail(_options.LogTailLines) ?? [];
}
