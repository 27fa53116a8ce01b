namespace ECms.Conformance.Steps.Drivers.Operators;

/// <summary>Manual mode on a text terminal: instructions in Thai then English with the data to enter, answers read line by line.</summary>
public sealed class TextOperatorConsole(TextReader input, TextWriter output) : IOperatorConsole
{
    /// <summary>The process console — the only place the suite touches Console.</summary>
    public static TextOperatorConsole Standard => new(Console.In, Console.Out);

    public void Tell(OperatorPrompt instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        output.WriteLine();
        output.WriteLine("▶ " + instruction.Thai);
        output.WriteLine("  " + instruction.English);
        foreach (var (label, value) in instruction.Data)
        {
            output.WriteLine($"    {label}: {value}");
        }

        output.Flush();
    }

    public async Task<string?> AskAsync(OperatorPrompt question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        output.WriteLine("? " + question.Thai);
        output.WriteLine("  " + question.English);
        foreach (var (value, meaning) in question.Choices)
        {
            output.WriteLine($"    [{value}] {meaning}");
        }

        output.Write("> ");
        output.Flush();
        var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return line?.Trim();
    }
}
