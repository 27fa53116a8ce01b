using ECms.Conformance.Steps.Drivers.Operators;
using ECms.Conformance.Steps.Drivers.Sut;

namespace ECms.Conformance.Tests;

/// <summary>
/// A certifier at the keyboard, scripted: each instruction is carried out on a real SUT (the reference agency, through
/// its control API, as clicking through its screens would), and each question is answered from what it then shows.
/// Records every instruction and answer so tests can check what the operator was told.
/// </summary>
internal sealed class ScriptedOperator(ISutDriver screen) : IOperatorConsole
{
    private Task<SutActionResult>? _pending;
    private SutLetterView? _found;
    private int _foundCount;

    public List<OperatorPrompt> Instructions { get; } = [];

    public List<(string Question, string Answer)> Answers { get; } = [];

    public void Tell(OperatorPrompt instruction)
    {
        Instructions.Add(instruction);
        var task = instruction.Task;
        _pending = task?.Action switch
        {
            "configure" => screen.ConfigureAsync(task.Endpoint!, task.OrganizationId!, CancellationToken.None),
            "refresh-directory" => screen.RefreshDirectoryAsync(CancellationToken.None),
            "send-letter" => screen.SendLetterAsync(task.Letter!, CancellationToken.None),
            "poll" => screen.PollAsync(CancellationToken.None),
            "find-letter" => FindAsync(instruction.Data, task.Key!),
            null => null,
            var action => screen.LetterActionAsync(Action(action), task.Key!, task.AcceptId, task.Letter, CancellationToken.None),
        };
    }

    public async Task<string?> AskAsync(OperatorPrompt question, CancellationToken cancellationToken)
    {
        var result = _pending is null ? null : await _pending;
        var answer = question.QuestionId switch
        {
            "health" => "ECms.ReferenceAgency (scripted operator)",
            "count" => _foundCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "status" => _found?.Status ?? "",
            "accept-id" => result?.AcceptId ?? _found?.AcceptId ?? "",
            "confirm" => "y",
            var id when id.EndsWith(".reason", StringComparison.Ordinal) => result?.Reason ?? "",
            var id when id.EndsWith(".codes", StringComparison.Ordinal) => string.Join(",", result?.Errors.Select(e => e.Code) ?? []),
            _ => result?.Outcome switch
            {
                SutOutcome.Done => "1",
                SutOutcome.Refused or SutOutcome.UnknownLetter => "2",
                SutOutcome.HubError => "3",
                _ => "2",
            },
        };
        Answers.Add((question.English, answer));
        return answer;
    }

    private async Task<SutActionResult> FindAsync(IReadOnlyList<KeyValuePair<string, string>> data, SutLetterKey key)
    {
        var outbound = await screen.FindLettersAsync(SutDirection.Outbound, key, CancellationToken.None);
        var inbound = await screen.FindLettersAsync(SutDirection.Inbound, key, CancellationToken.None);
        var found = Instructions[^1].English.Contains("outgoing", StringComparison.Ordinal) ? outbound : inbound;
        _foundCount = found.Count;
        _found = found.Count == 0 ? null : found[^1];
        _ = data;
        return new SutActionResult { Outcome = SutOutcome.Done };
    }

    private static SutLetterAction Action(string name) => name switch
    {
        "acknowledge" => SutLetterAction.Acknowledge,
        "register" => SutLetterAction.Register,
        "reject" => SutLetterAction.Reject,
        "report-invalid" => SutLetterAction.ReportInvalid,
        "dispute-accept-id" => SutLetterAction.DisputeAcceptId,
        "withdraw" => SutLetterAction.Withdraw,
        _ => SutLetterAction.Resend,
    };
}
