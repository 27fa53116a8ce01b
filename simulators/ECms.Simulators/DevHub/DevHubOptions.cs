using ECms.Protocol.Rules;
using ECms.Simulators.Persistence;

namespace ECms.Simulators.DevHub;

/// <summary>How <c>ecms-conformance hub</c> runs: where it listens, where it keeps its state, whom it connects.</summary>
public sealed record DevHubOptions
{
    /// <summary>127.0.0.1 by default; anything that is not loopback needs <see cref="AllowRemoteBind"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; } = 8480;

    public bool AllowRemoteBind { get; init; }

    /// <summary>The SQLite file; <see cref="DefaultDataFile"/> when null.</summary>
    public string? DataFile { get; init; }

    public string? AgenciesFile { get; init; }

    /// <summary>How much of the stored journal to keep (default: the last 30 days, at most 50,000 exchanges).</summary>
    public JournalRetention JournalRetention { get; init; } = JournalRetention.Default;

    /// <summary>The strictness of a new data file; a strictness set at run time and stored wins (see <see cref="ResetSettings"/>).</summary>
    public ValidationProfile Strictness { get; init; } = ValidationProfile.Lenient;

    /// <summary>Forget the strictness, clock offset and faults the data file kept from the last run, and start from these options.</summary>
    public bool ResetSettings { get; init; }

    /// <summary>Null: a fresh random token, printed at start-up.</summary>
    public AdminToken? AdminToken { get; init; }

    /// <summary>How often simulated peer agencies poll their queue (on the hub clock).</summary>
    public TimeSpan PeerPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Exchanges the running dev hub holds in memory (<see cref="Hub.FakeHub.Journal"/>); the file keeps the rest.</summary>
    public const int JournalEntriesInMemory = 10_000;

    /// <summary>e.g. ~/.local/share/ecms-conformance/hub.db on Linux, %LOCALAPPDATA%\ecms-conformance\hub.db on Windows.</summary>
    public static string DefaultDataFile =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "ecms-conformance", "hub.db");
}
