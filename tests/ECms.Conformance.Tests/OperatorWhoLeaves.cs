using ECms.Conformance.Steps.Drivers.Operators;

namespace ECms.Conformance.Tests;

/// <summary>An operator who answers until told to leave, then presses Ctrl+C at the next question and never answers it.</summary>
internal sealed class OperatorWhoLeaves(IOperatorConsole inner, CancellationTokenSource interrupt) : IOperatorConsole
{
    private readonly TaskCompletionSource<string?> _never = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile bool _leave;
    private volatile string? _leaveAfter;

    public bool Left { get; private set; }

    public void Tell(OperatorPrompt instruction)
    {
        if (_leaveAfter is { } start && instruction.English.StartsWith(start, StringComparison.Ordinal))
        {
            _leave = true;
        }

        inner.Tell(instruction);
    }

    public Task<string?> AskAsync(OperatorPrompt question, CancellationToken cancellationToken)
    {
        if (!_leave)
        {
            return inner.AskAsync(question, cancellationToken);
        }

        Left = true;
        interrupt.Cancel();
        return _never.Task;
    }

    public void LeaveAtNextQuestion() => _leave = true;

    /// <summary>Leaves at the first question after an instruction whose English text starts with <paramref name="instructionStart"/>.</summary>
    public void LeaveAtQuestionAfter(string instructionStart) => _leaveAfter = instructionStart;

    public void Release() => _never.TrySetResult(null);
}
