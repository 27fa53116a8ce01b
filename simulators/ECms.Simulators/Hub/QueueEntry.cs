using ECms.Protocol.Messages;

namespace ECms.Simulators.Hub;

/// <summary>
/// One queue item: a letter (its canonical bytes) or a notifier, owned by one agency. Pulls do not remove it; only the
/// owner's delete does (spec §5.3). Items a special request hands out are out of band: deletable, never pulled.
/// </summary>
internal sealed class QueueEntry
{
    public required string ProcessId { get; init; }
    public required string OwnerOrganizationId { get; init; }

    /// <summary>The hub letter it belongs to; null for an item the harness injected directly.</summary>
    public HubLetter? Letter { get; init; }

    /// <summary>Null for a letter item.</summary>
    public Notifier? Notifier { get; init; }

    /// <summary>The canonical rsm:GovernmentDocument bytes of a letter item.</summary>
    public ReadOnlyMemory<byte> LetterFragment { get; init; }

    public required DateTimeOffset QueuedAt { get; init; }
    public bool OutOfBand { get; init; }
    public int PullCount { get; set; }

    /// <summary>When a pull first handed the item out (the monitor's "pulled" step).</summary>
    public DateTimeOffset? FirstPulledAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    public bool IsDeleted => DeletedAt is not null;

    public bool IsLetter => Notifier is null;

    public QueuedItemView ToView() => new(ProcessId, Letter?.Key, Notifier?.Kind, QueuedAt, PullCount);
}
