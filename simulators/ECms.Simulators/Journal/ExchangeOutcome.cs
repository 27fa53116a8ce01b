namespace ECms.Simulators.Journal;

/// <summary>How the hub answered one exchange.</summary>
public enum ExchangeOutcome
{
    /// <summary>Served; state may have changed. With an AnswerLost <c>Fault</c>, served but the client never got the answer.</summary>
    Accepted,

    /// <summary>Refused with ErrorDetail (HTTP 200); no state changed.</summary>
    Rejected,

    /// <summary>An injected fault answered instead of the hub; no state changed. (AnswerLost keeps the hub's own outcome.)</summary>
    Faulted,

    /// <summary>Not a usable e-CMS request (unknown endpoint, wrong method or content type, too large, malformed): a SOAP fault.</summary>
    Invalid,

    /// <summary>The hub itself failed (a bug): a SOAP fault with E900.</summary>
    InternalError,
}
