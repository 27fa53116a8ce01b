using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;

namespace ECms.Protocol.Tests.Rules;

/// <summary>An in-memory letter registry; later records are newer.</summary>
internal sealed class FakeLetterRegistry(params LetterRecord[] records) : ILetterRegistry, IAcceptIdRegistry
{
    private readonly List<LetterRecord> _records = [.. records];

    public LetterRecord? Find(LetterKey key) => _records.LastOrDefault(r => r.Key == key);

    public IReadOnlyList<LetterRecord> FindInvolving(string organizationId, string letterId, string correspondenceDate) =>
        _records.Where(r => r.Key.LetterId == letterId && r.Key.CorrespondenceDate == correspondenceDate
                && (r.Key.SenderOrganizationId == organizationId || r.Key.ReceiverOrganizationId == organizationId))
            .Reverse()
            .ToArray();

    public IReadOnlyList<LetterRecord> FindByAcceptId(string receiverOrganizationId, string acceptId) =>
        _records.Where(r => r.Key.ReceiverOrganizationId == receiverOrganizationId && r.AcceptId == acceptId).ToArray();
}
