namespace ECms.Simulators.Journal;

/// <summary>How the hub answered one exchange.</summary>
public enum ExchangeOutcome
{
    /// <summary>Served; state may have changed.</summary>
    Accepted,

    /// <summary>Refused with ErrorDetail (HTTP 200); no state changed.</summary>
    Rejected,

    /// <summary>An injected fault answered instead of the hub; no state changed.</summary>
    Faulted,

    /// <summary>Not a usable e-CMS request (unknown endpoint, wrong method or content type, too large, malformed): a SOAP fault.</summary>
    Invalid,

    /// <summary>The hub itself failed (a bug): a SOAP fault with E900.</summary>
    InternalError,
}
