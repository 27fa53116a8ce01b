using ECms.Protocol.Lifecycle;

namespace ECms.Protocol.Rules;

/// <summary>
/// An optional capability of an <see cref="ILetterRegistry"/>: the letters a receiver registered under a receipt
/// number. R-NTF-ACC uses it, when <see cref="RuleContext.Letters"/> implements it, to check that an AcceptID is not
/// already another letter's; a registry without it leaves that part of the rule silent.
/// </summary>
public interface IAcceptIdRegistry
{
    IReadOnlyList<LetterRecord> FindByAcceptId(string receiverOrganizationId, string acceptId);
}
