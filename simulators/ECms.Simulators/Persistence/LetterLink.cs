using ECms.Protocol.Messages;

namespace ECms.Simulators.Persistence;

/// <summary>
/// Which letter an exchange concerns: the hub letter it changed (by submission ProcessID) when it changed one, else
/// the letter number and date the request names (a refused send or notifier still belongs to that letter's story).
/// </summary>
internal sealed record LetterLink(string? LetterProcessId, string? LetterId, string? CorrespondenceDate)
{
    public static LetterLink? FromRequest(EcmsRequest? request) => request switch
    {
        SendLetterRequest send => new(null, send.Letter.LetterId, send.Letter.CorrespondenceDate),
        SendNotifierRequest notifier => new(null, notifier.Notifier.LetterId, notifier.Notifier.CorrespondenceDate),
        WithdrawLetterRequest withdraw => new(null, withdraw.LetterId, withdraw.CorrespondenceDate),
        SpecialRequest special => new(null, special.LetterId, special.CorrespondenceDate),
        _ => null,
    };
}
