using ECms.Protocol.Messages;

namespace ECms.ReferenceAgency.Saraban;

/// <summary>The five outcomes of sut-control-api.md v1.</summary>
internal enum ActionOutcome
{
    Done,
    Refused,
    HubError,
    UnknownLetter,
    NotSupported,
}

/// <summary>What an action did, in the contract's terms: an outcome, a reason, the hub's errors, and the extra fields of "done".</summary>
internal sealed record ActionResult(
    ActionOutcome Outcome,
    string? Reason,
    IReadOnlyList<ErrorDetail> Errors,
    IReadOnlyList<KeyValuePair<string, object?>> Fields)
{
    public static ActionResult Done(params (string Name, object? Value)[] fields) =>
        new(ActionOutcome.Done, null, [], fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToArray());

    public static ActionResult Refused(string reason) => new(ActionOutcome.Refused, reason, [], []);

    public static ActionResult HubError(string reason, IReadOnlyList<ErrorDetail> errors, params (string Name, object? Value)[] fields) =>
        new(ActionOutcome.HubError, reason, errors, fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToArray());

    public static ActionResult UnknownLetter(string reason) => new(ActionOutcome.UnknownLetter, reason, [], []);

    public static ActionResult NotSupported(string reason) => new(ActionOutcome.NotSupported, reason, [], []);
}
