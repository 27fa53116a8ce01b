namespace ECms.Simulators.Faults;

/// <summary>The kinds of hub trouble a scenario can inject (checklist A6–A8, C9, D3).</summary>
public enum HubFaultKind
{
    /// <summary>An HTTP error status (503 by default) with a SOAP fault body carrying E900.</summary>
    HttpError,

    /// <summary>Hold the request (on the hub clock) past the client's timeout, then answer 504; ends early if the client leaves.</summary>
    Delay,

    /// <summary>Close the connection without any response.</summary>
    CloseConnection,

    /// <summary>HTTP 200 with a body that is not well-formed XML.</summary>
    MalformedBody,

    /// <summary>HTTP 200 with one or more ErrorDetail in the operation's response.</summary>
    ErrorDetails,
}
