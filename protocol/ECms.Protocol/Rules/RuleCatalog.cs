using ECms.Protocol.Rules.Directory;
using ECms.Protocol.Rules.Envelope;
using ECms.Protocol.Rules.Letter;
using ECms.Protocol.Rules.Notifier;
using ECms.Protocol.Rules.Queue;

namespace ECms.Protocol.Rules;

/// <summary>
/// Every single-message rule of spec §7, in spec order. Not here: R-PULL-2/3/4 (agency behaviour across exchanges,
/// judged by the suite) and R-HUB-1…7 (properties of the hub's writer).
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new WellFormedSoap11Envelope(),
        new MessageIdPresent(),
        new AddressingToPresent(),
        new AddressedToRightEndpoint(),
        new PostedToOwnEndpoint(),
        new NamespacesAsSpecified(),
        new LiteralPrefixes(),
        new Soap11Only(),
        new HttpPostTextXml(),

        new LetterStructure(),
        new LetterNumber(),
        new CorrespondenceDateGregorian(),
        new SubjectPresent(),
        new SecretCodeInList(),
        new SpeedCodeInList(),
        new PartyOrganizationCodes(),
        new SenderIsCaller(),
        new SendDateFormat(),
        new MainLetterPresent(),
        new AttachmentsValid(),
        new ReferencesComplete(),
        new TextEscapedAndThaiPreserved(),
        new NotDuplicateOfActiveLetter(),
        new RequestSizeWithinLimit(),
        new GovernmentSignatureShape(),

        new NotifierStructure(),
        new NotifierEchoesLetter(),
        new NotifierSentByRightParty(),
        new AcceptIdPresentAndUnique(),
        new DisputedAcceptIdIsRecorded(),
        new NotifierTransitionAllowed(),

        new PullRequestEmpty(),
        new DeleteNamesOwnQueueItem(),
        new WithdrawRequestValid(),

        new AddressFromDirectory(),
        new UploadsWithinMimeCodes(),
    ];

    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
