namespace ECms.Conformance.Steps.Drivers.Operators;

/// <summary>
/// The operator's side of manual mode. The default writes to a TextWriter and reads a TextReader (the console);
/// tests inject a script that performs each task on a real SUT and answers as a person would.
/// </summary>
public interface IOperatorConsole
{
    /// <summary>An instruction: do this on the system under test now.</summary>
    void Tell(OperatorPrompt instruction);

    /// <summary>A question about what the SUT's screen shows; null when no answer can come (end of input).</summary>
    Task<string?> AskAsync(OperatorPrompt question, CancellationToken cancellationToken);
}
