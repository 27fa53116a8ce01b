using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Errors;

namespace ECms.Simulators.Hub;

/// <summary>
/// The hub's own state checks as findings, under the IDs of the spec rules they enforce, so that one reject table maps
/// them. They come from the hub's registry and <see cref="LetterLifecycle"/>, the same sources the rules consult.
/// </summary>
internal static class HubFindings
{
    private const string Body = "/Envelope/Body/";
    private const string LetterPath = Body + OperationNames.OutboundRequest + "/GovernmentDocument/CorrespondenceLetter";
    private const string DeletePath = Body + OperationNames.DeleteRequest + "/ProcessID";
    private const string WithdrawPath = Body + OperationNames.WithdrawRequest;
    private const string SpecialPath = Body + OperationNames.SpecialRequest;

    public static Finding SenderIsNotCaller(string caller, string sender) => new(
        "R-SEND-8", RuleLevel.Must,
        $"หน่วยงานผู้ส่ง \"{sender}\" ไม่ใช่หน่วยงานเจ้าของ endpoint ที่รับคำขอ ({caller})",
        $"The sender organisation \"{sender}\" is not {caller}, the owner of the endpoint the letter was posted to.",
        LetterPath + "/SenderParty/DepartmentOrganization/ID", sender);

    public static Finding UnknownReceiver(string receiver) => new(
        "R-SEND-7", RuleLevel.Must,
        $"หน่วยงานผู้รับ \"{receiver}\" ไม่ได้เชื่อมต่อกับระบบ e-CMS นี้",
        $"The receiver organisation \"{receiver}\" is not connected to this hub, so the letter cannot be delivered.",
        LetterPath + "/ReceiverParty/DepartmentOrganization/ID", receiver);

    public static Finding Duplicate(LetterKey key, LetterState state, string refusal) => new(
        "R-SEND-DUP", RuleLevel.Must,
        $"มีหนังสือเลขที่ {key.LetterId} ลงวันที่ {key.CorrespondenceDate} ถึงผู้รับนี้อยู่แล้ว (สถานะ {state}) ต้องขอถอนก่อนส่งใหม่",
        $"{Sentence(refusal)} The letter {key} is {state}; withdraw it before sending it again.",
        LetterPath + "/ID", key.LetterId);

    public static Finding NotifierLetterNotFound(Notifier notifier) => new(
        "R-NTF-ECHO", RuleLevel.Must,
        $"ไม่พบหนังสือเลขที่ {notifier.LetterId} ลงวันที่ {notifier.CorrespondenceDate} ระหว่างหน่วยงานนี้กับคู่หนังสือ",
        $"No letter {notifier.LetterId} dated {notifier.CorrespondenceDate} exists between the caller and a counterpart.",
        NotifierPath(notifier.Kind, "LetterID"), notifier.LetterId);

    public static Finding NotifierFromNonParty(Notifier notifier, string caller) => new(
        "R-NTF-ROLE", RuleLevel.Must,
        $"หน่วยงาน {caller} ไม่ใช่ผู้ส่งหรือผู้รับหนังสือเลขที่ {notifier.LetterId}",
        $"Organisation {caller} is neither the sender nor the receiver of letter {notifier.LetterId}, so it cannot send a {notifier.Kind.ElementName()}.",
        NotifierPath(notifier.Kind, "LetterID"), notifier.LetterId);

    public static Finding NotifierWrongRole(Notifier notifier, string caller) => new(
        "R-NTF-ROLE", RuleLevel.Must,
        notifier.Kind.IsSentByLetterSender()
            ? $"{notifier.Kind.ElementName()} ต้องส่งโดยผู้ส่งหนังสือ แต่ {caller} เป็นผู้รับ"
            : $"{notifier.Kind.ElementName()} ต้องส่งโดยผู้รับหนังสือ แต่ {caller} เป็นผู้ส่ง",
        notifier.Kind.IsSentByLetterSender()
            ? $"Only the letter's sender may send {notifier.Kind.ElementName()}; {caller} is its receiver."
            : $"Only the letter's receiver may send {notifier.Kind.ElementName()}; {caller} is its sender.",
        NotifierPath(notifier.Kind, null), notifier.Kind.ElementName());

    public static Finding Transition(Notifier notifier, LetterKey key, LetterState from, TransitionVerdict verdict) => new(
        "R-NTF-STATE", verdict.Allowed ? RuleLevel.Should : RuleLevel.Must,
        verdict.Allowed
            ? $"ยอมรับ {notifier.Kind.ElementName()} สำหรับหนังสือสถานะ {from} แม้ไม่เป็นไปตามลำดับ: {verdict.Warning}"
            : $"ไม่อนุญาต {notifier.Kind.ElementName()} สำหรับหนังสือสถานะ {from}: {verdict.Refusal}",
        verdict.Allowed
            ? $"{notifier.Kind.ElementName()} was accepted for letter {key} in state {from}, out of the usual order: {verdict.Warning}."
            : $"{notifier.Kind.ElementName()} is not allowed for letter {key} in state {from}: {verdict.Refusal}.",
        NotifierPath(notifier.Kind, null), from.ToString());

    public static Finding DeleteUnknown(string processId) => new(
        "R-DEL-1", RuleLevel.Must,
        $"ไม่พบ ProcessID \"{processId}\" ในคิวของหน่วยงาน",
        $"ProcessID \"{processId}\" was never handed out by this hub's queues.",
        DeletePath, processId);

    public static Finding DeleteForeign(string processId) => new(
        "R-DEL-1", RuleLevel.Must,
        $"ProcessID \"{processId}\" เป็นของคิวหน่วยงานอื่น",
        $"ProcessID \"{processId}\" belongs to another organisation's queue.",
        DeletePath, processId);

    public static Finding DeleteAgain(string processId, ValidationProfile profile) => new(
        "R-DEL-1", profile == ValidationProfile.Strict ? RuleLevel.Must : RuleLevel.Should,
        $"ProcessID \"{processId}\" ถูกลบออกจากคิวไปแล้ว",
        profile == ValidationProfile.Strict
            ? $"ProcessID \"{processId}\" was already deleted from the queue."
            : $"ProcessID \"{processId}\" was already deleted from the queue; the delete is answered as a success because real clients retry.",
        DeletePath, processId);

    public static Finding WithdrawByNonSender(string caller, string senderCode) => new(
        "R-DELDOC-1", RuleLevel.Must,
        $"SenderDepartment \"{senderCode}\" ไม่ใช่หน่วยงานผู้เรียก ({caller}); ขอถอนได้เฉพาะหนังสือที่ตนเป็นผู้ส่ง",
        $"SenderDepartment \"{senderCode}\" is not the caller {caller}; only the letter's sender may withdraw it.",
        WithdrawPath + "/SenderDepartment/Code", senderCode);

    public static Finding WithdrawNotFound(LetterKey key) => new(
        "R-DELDOC-1", RuleLevel.Must,
        $"ไม่พบหนังสือ {key} ที่จะขอถอน",
        $"No letter {key} exists to withdraw.",
        WithdrawPath + "/LetterID", key.LetterId);

    public static Finding WithdrawTransition(LetterKey key, LetterState from, TransitionVerdict verdict) => new(
        "R-DELDOC-1", verdict.Allowed ? RuleLevel.Should : RuleLevel.Must,
        verdict.Allowed ? $"ยอมให้ถอนหนังสือ {key} จากสถานะ {from}: {verdict.Warning}" : $"ถอนหนังสือ {key} ไม่ได้: {verdict.Refusal}",
        verdict.Allowed ? $"Letter {key} was withdrawn out of the usual order: {verdict.Warning}." : $"Letter {key} cannot be withdrawn: {verdict.Refusal}.",
        WithdrawPath, from.ToString());

    public static Finding SpecialUnknownKind(string kind) => new(
        HubCheckIds.SpecialRequest, RuleLevel.Must,
        $"ไม่รู้จักประเภทเอกสาร <{kind}> ในคำขอหนังสือใหม่",
        $"<{kind}> is not GovernmentDocument or a notifier, so there is nothing to send again.",
        SpecialPath + "/" + kind, kind);

    public static Finding SpecialNotAParty(string caller, LetterKey key) => new(
        HubCheckIds.SpecialRequest, RuleLevel.Must,
        $"หน่วยงาน {caller} ไม่ใช่ผู้ส่งหรือผู้รับของหนังสือ {key}",
        $"Organisation {caller} is neither SenderDepartment nor AcceptDepartment of letter {key}.",
        SpecialPath + "/AcceptDepartment/Code", caller);

    public static Finding SpecialNotFound(LetterKey key, string kind) => new(
        HubCheckIds.SpecialRequest, RuleLevel.Must,
        $"ไม่พบ {kind} ของหนังสือ {key}",
        $"The hub holds no {kind} for letter {key}.",
        SpecialPath + "/LetterID", key.LetterId);

    private static string NotifierPath(NotifierKind kind, string? field) =>
        Body + OperationNames.OutboundRequest + "/" + kind.ElementName() + (field is null ? "" : "/" + field);

    private static string Sentence(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");
}
