using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;

namespace ECms.Simulators.Hub;

/// <summary>
/// The hub's letters and queues. Every read and write happens under <see cref="Gate"/>; the hub validates and applies a
/// request inside one hold of it, so two racing requests can never both pass a duplicate or transition check.
/// It is the <see cref="ILetterRegistry"/> (with <see cref="IAcceptIdRegistry"/>) and <see cref="IQueueView"/> the protocol rules consult.
/// </summary>
internal sealed partial class HubState : ILetterRegistry, IAcceptIdRegistry, IQueueView
{
    private readonly Dictionary<LetterKey, List<HubLetter>> _byKey = [];
    private readonly Dictionary<(string LetterId, string Date), List<HubLetter>> _byNumber = [];
    private readonly Dictionary<(string Receiver, string AcceptId), List<HubLetter>> _byAcceptId = [];
    private readonly List<HubLetter> _letters = [];
    private readonly Dictionary<string, List<QueueEntry>> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QueueEntry> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableHashSet<string>> _seenMessageIds = new(StringComparer.Ordinal);
    private long _lastId;

    /// <summary>Re-entrant: the rules call back into the registry while the hub holds it.</summary>
    public Lock Gate { get; } = new();

    public LetterRecord? Find(LetterKey key)
    {
        lock (Gate)
        {
            return FindLetter(key)?.ToRecord();
        }
    }

    public IReadOnlyList<LetterRecord> FindInvolving(string organizationId, string letterId, string correspondenceDate)
    {
        lock (Gate)
        {
            return LettersInvolving(organizationId, letterId, correspondenceDate).Select(l => l.ToRecord()).ToArray();
        }
    }

    /// <summary>The receiver's letters registered under this receipt number, the latest registered first.</summary>
    public IReadOnlyList<LetterRecord> FindByAcceptId(string receiverOrganizationId, string acceptId)
    {
        lock (Gate)
        {
            return _byAcceptId.TryGetValue((receiverOrganizationId, acceptId), out var letters)
                ? letters.Where(l => l.AcceptId == acceptId).Reverse().Select(l => l.ToRecord()).ToArray()
                : [];
        }
    }

    public QueueItemStatus StatusOf(string organizationId, string processId)
    {
        lock (Gate)
        {
            if (!_items.TryGetValue(processId, out var item))
            {
                return QueueItemStatus.Unknown;
            }

            if (item.OwnerOrganizationId != organizationId)
            {
                return QueueItemStatus.Foreign;
            }

            return item.IsDeleted ? QueueItemStatus.Deleted : QueueItemStatus.Queued;
        }
    }

    public HubLetter? FindLetter(LetterKey key) => _byKey.TryGetValue(key, out var versions) ? versions[^1] : null;

    /// <summary>Every letter with this number and date, newest first, whoever its parties are.</summary>
    public IReadOnlyList<HubLetter> LettersNumbered(string letterId, string correspondenceDate) =>
        _byNumber.TryGetValue((letterId, correspondenceDate), out var letters) ? letters.AsEnumerable().Reverse().ToArray() : [];

    public IReadOnlyList<HubLetter> LettersInvolving(string organizationId, string letterId, string correspondenceDate) =>
        LettersNumbered(letterId, correspondenceDate)
            .Where(l => l.Key.SenderOrganizationId == organizationId || l.Key.ReceiverOrganizationId == organizationId)
            .ToArray();

    public IReadOnlyList<HubLetter> Letters => _letters;

    public QueueEntry? Item(string processId) => _items.GetValueOrDefault(processId);

    /// <summary>The oldest item still queued for this agency (FIFO, spec §5.3 [HARNESS]).</summary>
    public QueueEntry? Head(string organizationId) =>
        _queues.TryGetValue(organizationId, out var queue) && queue.Count > 0 ? queue[0] : null;

    public IReadOnlyList<QueueEntry> Queue(string organizationId) =>
        _queues.TryGetValue(organizationId, out var queue) ? queue.ToArray() : [];

    /// <summary>Hub-generated ProcessIDs: a letter for the kind (S submission, N notifier, Q queue item, W withdrawal, R re-request) and a global sequence.</summary>
    public string NextProcessId(char kind)
    {
        _changes.IdsUsed = true;
        return string.Create(CultureInfo.InvariantCulture, $"{kind}{++_lastId:D12}");
    }

    public void AddLetter(HubLetter letter)
    {
        _letters.Add(letter);
        Track(letter, isNew: true);
        Index(letter);
    }

    /// <summary>The receiver registered the letter under this receipt number (AcceptLetterNotifier).</summary>
    public void RecordAcceptId(HubLetter letter, string? acceptId)
    {
        letter.AcceptId = acceptId;
        IndexAcceptId(letter);
    }

    public QueueEntry Enqueue(QueueEntry entry)
    {
        _items.Add(entry.ProcessId, entry);
        _changes.NewItems.Add(entry);
        if (!entry.OutOfBand)
        {
            Versions(_queues, entry.OwnerOrganizationId).Add(entry);
        }

        return entry;
    }

    public void Delete(QueueEntry entry, DateTimeOffset at)
    {
        entry.DeletedAt = at;
        _changes.ChangedItems.Add(entry);
        if (_queues.TryGetValue(entry.OwnerOrganizationId, out var queue))
        {
            queue.Remove(entry);
        }
    }

    /// <summary>Immutable: a rule or test holding it never sees it change underneath.</summary>
    public IReadOnlySet<string> SeenMessageIds(string organizationId)
    {
        lock (Gate)
        {
            return _seenMessageIds.GetValueOrDefault(organizationId) ?? ImmutableHashSet<string>.Empty;
        }
    }

    public void RememberMessageId(string organizationId, string? messageId)
    {
        if (!string.IsNullOrEmpty(messageId))
        {
            _seenMessageIds[organizationId] = (_seenMessageIds.GetValueOrDefault(organizationId) ?? ImmutableHashSet<string>.Empty).Add(messageId);
            _changes.SeenMessageIds.Add((organizationId, messageId));
        }
    }

    /// <summary>A full, ordered description of the state: equal text before and after a request means it changed nothing.</summary>
    public string Describe()
    {
        lock (Gate)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"ids={_lastId}\n");
            foreach (var letter in _letters)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"letter {letter.SubmissionProcessId} {letter.Key} {letter.State} accept={letter.AcceptId} steps={letter.History.Count}\n");
            }

            foreach (var item in _items.Values.OrderBy(i => i.ProcessId, StringComparer.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"item {item.ProcessId} {item.OwnerOrganizationId} {item.Notifier?.Kind.ToString() ?? "letter"} pulls={item.PullCount} deleted={item.IsDeleted}\n");
            }

            foreach (var (org, queue) in _queues.OrderBy(q => q.Key, StringComparer.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $"queue {org}: {string.Join(",", queue.Select(q => q.ProcessId))}\n");
            }

            foreach (var (org, seen) in _seenMessageIds.OrderBy(q => q.Key, StringComparer.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $"seen {org}: {string.Join(",", seen.Order(StringComparer.Ordinal))}\n");
            }

            return text.ToString();
        }
    }

    private void Index(HubLetter letter)
    {
        Versions(_byKey, letter.Key).Add(letter);
        Versions(_byNumber, (letter.Key.LetterId, letter.Key.CorrespondenceDate)).Add(letter);
        IndexAcceptId(letter);
    }

    /// <summary>Entries are never removed: a letter re-registered under another number is filtered out on lookup.</summary>
    private void IndexAcceptId(HubLetter letter)
    {
        if (letter.AcceptId is { } acceptId && Versions(_byAcceptId, (letter.Key.ReceiverOrganizationId, acceptId)) is { } letters
            && !letters.Contains(letter))
        {
            letters.Add(letter);
        }
    }

    private static TValue Versions<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key)
        where TKey : notnull
        where TValue : new()
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = new TValue();
            map.Add(key, value);
        }

        return value;
    }
}
