using System.Diagnostics.CodeAnalysis;

namespace ECms.ReferenceAgency.Storage;

/// <summary>A row of the inbound (receiving) register with its files, as pulled from the hub.</summary>
internal sealed record InboundLetter : RegisterLetter
{
    public InboundLetter()
    {
    }

    /// <summary>A stored row: the shared columns already read, and this register's required ones; the reader sets the rest in the initializer.</summary>
    [SetsRequiredMembers]
    internal InboundLetter(RegisterLetter letter, string processId, string senderId)
        : base(letter)
    {
        ProcessId = processId;
        SenderId = senderId;
    }

    public required string ProcessId { get; init; }
    public required string SenderId { get; init; }
    public string SendDate { get; init; } = "";
    public InboundState State { get; init; }
    public string? AcceptId { get; init; }
    public string? AcceptDate { get; init; }

    /// <summary>The receipt number the sender disputed (InvalidAcceptIDNotifier); a corrected number must differ from it.</summary>
    public string? DisputedAcceptId { get; init; }

    /// <summary>What is wrong with the letter as received (bad enclosure, wrong addressee, …), for the operator.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
