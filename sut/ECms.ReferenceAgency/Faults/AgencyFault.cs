namespace ECms.ReferenceAgency.Faults;

/// <summary>
/// One known deviation each (fault-catalogue.json beside this file describes them and the checklist items a correct
/// suite must fail). On the command line and in the catalogue they are kebab-case: <c>--fault buddhist-era-dates</c>.
/// </summary>
public enum AgencyFault
{
    SendWithoutCoverLetter,
    BuddhistEraDates,
    WrongWsaTo,
    NeverDelete,
    DeleteBeforePersist,
    NamespacedNotifierFields,
    EmptyAcceptId,
    NonStandardPrefixes,
    ResendWithoutWithdraw,
    Soap12Envelope,
    UnescapedAmpersand,
    IgnoreErrorDetail,
    BlindRetry,
    NotifierSubjectDiffers,
    TwoDigitSecretCodes,
    FirstEnclosureOnly,
    UncheckedCoverLetterContent,
    DuplicateSendAsNew,
    StaleSenderOrganization,
    ImagesDeclaredAsJpeg,
    ReuseReceiptNumber,
    PlaceholdersKept,
    ClassifiedAsNormal,
    AcknowledgeNotifiers,
    SpacelessAcceptLetterId,
    MinistryUnspecified,
    DirectoryCallToReceiverEndpoint,
    PrefixBoundResponseReader,
    SkipUnreadableQueueHead,
    BlankInboxRowOnEmptyPull,
    DeleteSentLetterProcessId,
    RepullEmptyQueue,
    Latin1WithoutCharset,
}
