namespace ECms.Protocol.Lifecycle;

/// <summary>The hub's queues, as R-DEL-1 sees them.</summary>
public interface IQueueView
{
    /// <summary>Whether this ProcessID is (or was) a queue item of this organisation, and whether it is still queued.</summary>
    QueueItemStatus StatusOf(string organizationId, string processId);
}

public enum QueueItemStatus
{
    Unknown,
    Queued,
    Deleted,
    /// <summary>The ProcessID exists but belongs to another organisation's queue.</summary>
    Foreign,
}
