using ECms.Conformance.Steps.Drivers.Sut;

namespace ECms.Conformance.Steps.Drivers.Operators;

/// <summary>
/// What the harness tells or asks the operator in manual mode: the same sentence in Thai and English, the exact data
/// to enter, the allowed answers, and — for scripted operators in tests — the task in machine-readable form.
/// </summary>
public sealed record OperatorPrompt(string Thai, string English)
{
    public IReadOnlyList<KeyValuePair<string, string>> Data { get; init; } = [];

    /// <summary>Allowed answers as "value: meaning"; empty = free text.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Choices { get; init; } = [];

    /// <summary>The action behind an instruction, for an operator script; null for questions.</summary>
    public OperatorTask? Task { get; init; }

    public string QuestionId { get; init; } = "";
}

/// <summary>An action the operator is asked to perform on the SUT, in the control API's terms.</summary>
public sealed record OperatorTask(string Action)
{
    public LetterRequest? Letter { get; init; }
    public SutLetterKey? Key { get; init; }
    public string? AcceptId { get; init; }
    public Uri? Endpoint { get; init; }
    public string? OrganizationId { get; init; }
    public IReadOnlyList<string> Files { get; init; } = [];
}
