using ECms.Protocol;
using ECms.Protocol.Rules;

namespace ECms.Simulators.Errors;

/// <summary>
/// Which findings make the hub refuse a request, and with which error — in one table. A strict hub refuses on every
/// MUST finding; a lenient one only on what a real hub would plausibly refuse (schema breaks, missing main letter,
/// unknown receiver, sender ≠ endpoint, duplicates, letter not found, wrong role or party, foreign ProcessID, refused
/// transitions). SHOULD and INFO findings never refuse. Rows are matched in order; a rule the table does not know
/// (the catalogue grows) falls back to <see cref="Fallback"/>, so a new MUST rule refuses in strict mode only.
/// When the hub's own state check refuses a step, its finding decides the error for that rule ID.
/// </summary>
public sealed class RejectPolicy(IReadOnlyList<RejectRule> rules, RejectRule fallback)
{
    public static RejectPolicy Default { get; } = new(
    [
        // Envelope (spec §7.1)
        new("R-ENV-0", HubErrorKind.MalformedRequest, true),
        new("R-ENV-1", HubErrorKind.SchemaViolation, false),
        new("R-ENV-2", HubErrorKind.SchemaViolation, false),
        // Lenient routes by the payload when wsa:To is wrong (spec §2.2 [HARNESS]).
        new("R-ENV-3", HubErrorKind.UnknownReceiver, false),
        new("R-ENV-4", HubErrorKind.UnknownSender, true),
        new("R-ENV-5", HubErrorKind.SchemaViolation, true),
        new("R-ENV-6", HubErrorKind.SchemaViolation, false),
        // SOAP 1.2 is a failure in strict mode and a warning in lenient mode (spec §1.4).
        new("R-ENV-7", HubErrorKind.MalformedRequest, false),
        new("R-ENV-8", HubErrorKind.MalformedRequest, false),

        // Letter (spec §7.2)
        new("R-SEND-1", HubErrorKind.SchemaViolation, true),
        new("R-SEND-2", HubErrorKind.InvalidValue, false),
        new("R-SEND-3", HubErrorKind.InvalidValue, false),
        new("R-SEND-4", HubErrorKind.InvalidValue, false),
        new("R-SEND-5", HubErrorKind.InvalidValue, false),
        new("R-SEND-6", HubErrorKind.InvalidValue, false),
        new("R-SEND-7", HubErrorKind.InvalidValue, false, "MinistryOrganization"),
        new("R-SEND-7", HubErrorKind.UnknownSender, true, "SenderParty"),
        new("R-SEND-7", HubErrorKind.UnknownReceiver, true, "ReceiverParty"),
        new("R-SEND-7", HubErrorKind.InvalidValue, false),
        new("R-SEND-8", HubErrorKind.UnknownReceiver, true, "ReceiverParty"),
        new("R-SEND-8", HubErrorKind.UnknownSender, true),
        new("R-SEND-9", HubErrorKind.InvalidValue, false),
        new("R-SEND-MAIN", HubErrorKind.InvalidValue, false, "mimeCode"),
        new("R-SEND-MAIN", HubErrorKind.MainLetterMissing, true),
        new("R-SEND-ATT", HubErrorKind.InvalidValue, false),
        new("R-SEND-REF", HubErrorKind.InvalidValue, false),
        new("R-SEND-TXT", HubErrorKind.InvalidValue, false),
        new("R-SEND-DUP", HubErrorKind.DuplicateLetter, true),
        new("R-SEND-SIZE", HubErrorKind.SchemaViolation, false),
        new("R-SEND-SIG", HubErrorKind.SchemaViolation, false),

        // Notifiers (spec §7.3)
        new("R-NTF-1", HubErrorKind.SchemaViolation, true),
        new("R-NTF-ECHO", HubErrorKind.LetterNotFound, true),
        new("R-NTF-ROLE", HubErrorKind.NotAParty, true),
        new("R-NTF-ACC", HubErrorKind.InvalidValue, false),
        new("R-NTF-IAC", HubErrorKind.InvalidValue, false),
        // A lenient R-NTF-STATE finding means even the lenient table refuses the move (spec §6.2).
        new("R-NTF-STATE", HubErrorKind.TransitionNotAllowed, true),

        // Queue and deletion (spec §7.4)
        new("R-PULL-1", HubErrorKind.SchemaViolation, false),
        new("R-DEL-1", HubErrorKind.UnknownProcessId, true),
        // The hub's own refusal of the withdrawal step is reported on the request element itself.
        new("R-DELDOC-1", HubErrorKind.TransitionNotAllowed, true) { PathEndsWith = "/" + OperationNames.WithdrawRequest },
        new("R-DELDOC-1", HubErrorKind.NotAParty, true, "SenderDepartment"),
        new("R-DELDOC-1", HubErrorKind.LetterNotFound, true, "LetterID"),
        new("R-DELDOC-1", HubErrorKind.InvalidValue, false, "CorrespondenceDate"),
        new("R-DELDOC-1", HubErrorKind.InvalidValue, false, "AcceptDepartment"),
        new("R-DELDOC-1", HubErrorKind.SchemaViolation, true),

        // Special request (op 10) has no rule in spec §7; the hub's own checks on it carry this ID.
        new(HubCheckIds.SpecialRequest, HubErrorKind.NotAParty, true, "Department"),
        new(HubCheckIds.SpecialRequest, HubErrorKind.LetterNotFound, true, "LetterID"),
        new(HubCheckIds.SpecialRequest, HubErrorKind.SchemaViolation, true),

        // Directory (spec §7.5): agency behaviour, never a reason to refuse a request.
        new("R-DIR-1", HubErrorKind.InvalidValue, false),
        new("R-DIR-2", HubErrorKind.InvalidValue, false),
    ],
    new RejectRule("*", HubErrorKind.SchemaViolation, false));

    public IReadOnlyList<RejectRule> Rules { get; } = rules;

    public RejectRule Fallback { get; } = fallback;

    public RejectRule RowFor(Finding finding) => Rules.FirstOrDefault(r => r.Matches(finding)) ?? Fallback;

    public bool IsKnown(string ruleId) => Rules.Any(r => r.RuleId == ruleId);

    public bool Rejects(Finding finding, ValidationProfile profile) =>
        finding.Level == RuleLevel.Must && (profile == ValidationProfile.Strict || RowFor(finding).RejectsWhenLenient);
}
