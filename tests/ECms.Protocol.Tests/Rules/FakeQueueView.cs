using ECms.Protocol.Lifecycle;

namespace ECms.Protocol.Tests.Rules;

/// <summary>An in-memory view of the hub's queues: which organisation's queue holds which ProcessID, and whether it was deleted.</summary>
internal sealed class FakeQueueView : IQueueView
{
    private readonly Dictionary<string, (string Owner, bool Deleted)> _items = [];

    public FakeQueueView Queued(string owner, string processId)
    {
        _items[processId] = (owner, false);
        return this;
    }

    public FakeQueueView Deleted(string owner, string processId)
    {
        _items[processId] = (owner, true);
        return this;
    }

    public QueueItemStatus StatusOf(string organizationId, string processId) => _items.TryGetValue(processId, out var item) switch
    {
        false => QueueItemStatus.Unknown,
        true when item.Owner != organizationId => QueueItemStatus.Foreign,
        true when item.Deleted => QueueItemStatus.Deleted,
        true => QueueItemStatus.Queued,
    };
}
