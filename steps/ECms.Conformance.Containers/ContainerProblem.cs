namespace ECms.Conformance.Containers;

/// <summary>What kept a system under test in a container from running (<see cref="ContainerConfigurationException.Problem"/>).</summary>
public enum ContainerProblem
{
    /// <summary>The options (usually from a run profile) cannot work.</summary>
    InvalidOptions,

    /// <summary>No Docker engine answers, or the one found cannot be used.</summary>
    EngineUnreachable,

    /// <summary>The image is not on the local engine; the harness never pulls.</summary>
    ImageMissing,

    /// <summary>The container kept running but its health check never answered 200 within the start-up timeout.</summary>
    NeverHealthy,

    /// <summary>The container stopped before it became healthy.</summary>
    ExitedDuringStartup,

    /// <summary>The container stopped after it had become healthy, while the run still needed it.</summary>
    ExitedDuringRun,
}
