namespace ECms.Conformance.Containers;

/// <summary>
/// A system under test in a container cannot run — a configuration error, never a conformance verdict. The message
/// says what is wrong, then "Fix: …", then the container's last log lines when it had any.
/// </summary>
public sealed class ContainerConfigurationException : Exception
{
    public ContainerConfigurationException()
    {
    }

    public ContainerConfigurationException(string message)
        : base(message)
    {
    }

    public ContainerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ContainerConfigurationException(
        ContainerProblem problem, string what, string fix, long? exitCode = null, IReadOnlyList<string>? logTail = null, Exception? innerException = null)
        : base(Compose(what, fix, logTail), innerException)
    {
        Problem = problem;
        What = what;
        Fix = fix;
        ExitCode = exitCode;
        LogTail = logTail ?? [];
    }

    public ContainerProblem Problem { get; } = ContainerProblem.InvalidOptions;

    /// <summary>The problem alone, without the fix and the log lines.</summary>
    public string? What { get; }

    /// <summary>What to do about it, e.g. a command to run.</summary>
    public string? Fix { get; }

    /// <summary>The container's exit code, when it stopped.</summary>
    public long? ExitCode { get; }

    /// <summary>The container's last log lines (stdout and stderr, in order), when it had started.</summary>
    public IReadOnlyList<string> LogTail { get; } = [];

    private static string Compose(string what, string fix, IReadOnlyList<string>? logTail) =>
        logTail is { Count: > 0 }
            ? $"{what} Fix: {fix}{Environment.NewLine}Last log lines of the container:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", logTail)}"
            : $"{what} Fix: {fix}";
}
