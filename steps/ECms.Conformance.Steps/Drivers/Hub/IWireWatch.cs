using ECms.Simulators.Journal;

namespace ECms.Conformance.Steps.Drivers.Hub;

/// <summary>What manual mode needs of the hub: to see the SUT's requests arrive, whichever hub the scenario uses.</summary>
public interface IWireWatch
{
    /// <summary>The sequence number of the newest exchange on the current hub.</summary>
    long Mark { get; }

    /// <summary>The first request of the SUT after <paramref name="after"/> that matches, or null when none came in time.</summary>
    Task<JournalEntry?> WaitForSutRequestAsync(Func<JournalEntry, bool> predicate, long after, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Records an operator's answer as evidence of the running scenario.</summary>
    void Note(string note);
}
