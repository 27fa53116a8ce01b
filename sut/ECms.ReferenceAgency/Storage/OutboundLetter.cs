using System.Diagnostics.CodeAnalysis;

namespace ECms.ReferenceAgency.Storage;

/// <summary>A row of the outbound register with its files.</summary>
internal sealed record OutboundLetter : RegisterLetter
{
    public OutboundLetter()
    {
    }

    /// <summary>A stored row: the shared columns already read; the reader sets this register's own in the initializer.</summary>
    [SetsRequiredMembers]
    internal OutboundLetter(RegisterLetter letter)
        : base(letter)
    {
    }

    public OutboundState State { get; init; }
    public string? ProcessId { get; init; }
    public string? SendDate { get; init; }
    public string? AcceptId { get; init; }
    public string? AcceptDate { get; init; }
    public string? AcceptDepartment { get; init; }
    public string? LastError { get; init; }
}
