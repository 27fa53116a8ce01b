using ECms.Simulators.Persistence;

namespace ECms.Simulators.Hub;

/// <summary>
/// Change tracking for write-through persistence: every mutation of the state records what it touched, and the hub
/// hands that set to its store at the end of the request, still inside <see cref="Gate"/>. <see cref="Restore"/>
/// replaces the whole state with what the store holds — at start-up, and after a write the store refused, so memory
/// never keeps a change the store (and the client's answer) did not.
/// </summary>
internal sealed partial class HubState
{
    private HubChangeSet _changes = new();

    public long LastId => _lastId;

    /// <summary>A pull handed the item out again (spec §5.3: pulls do not remove).</summary>
    public void CountPull(QueueEntry entry, DateTimeOffset at)
    {
        entry.PullCount++;
        entry.FirstPulledAt ??= at;
        _changes.ChangedItems.Add(entry);
    }

    /// <summary>What changed since the last call; the caller holds <see cref="Gate"/>.</summary>
    public HubChangeSet TakeChanges()
    {
        var taken = _changes;
        taken.LastId = _lastId;
        _changes = new HubChangeSet();
        return taken;
    }

    /// <summary>Replaces everything with the stored state; the caller holds <see cref="Gate"/>.</summary>
    public void Restore(HubSnapshot snapshot)
    {
        _byKey.Clear();
        _byNumber.Clear();
        _byAcceptId.Clear();
        _letters.Clear();
        _queues.Clear();
        _items.Clear();
        _seenMessageIds.Clear();
        _lastId = snapshot.LastId;

        foreach (var letter in snapshot.Letters)
        {
            _letters.Add(letter);
            Track(letter, isNew: false);
            Index(letter);
        }

        foreach (var item in snapshot.Items)
        {
            _items.Add(item.ProcessId, item);
            if (!item.OutOfBand && item.Letter is { } letter)
            {
                if (item.IsLetter)
                {
                    letter.LetterItem = item;
                }
                else
                {
                    letter.NotifierItems.Add(item);
                }
            }

            if (!item.OutOfBand)
            {
                // The queue exists once anything was queued for the agency, emptied or not, as it does live.
                var queue = Versions(_queues, item.OwnerOrganizationId);
                if (!item.IsDeleted)
                {
                    queue.Add(item);
                }
            }
        }

        foreach (var (organizationId, messageId) in snapshot.SeenMessageIds)
        {
            RememberMessageId(organizationId, messageId);
        }

        _changes = new HubChangeSet();
    }

    private void Track(HubLetter letter, bool isNew)
    {
        if (isNew)
        {
            _changes.NewLetters.Add(letter);
        }

        letter.Changed = changed => _changes.ChangedLetters.Add(changed);
    }
}
