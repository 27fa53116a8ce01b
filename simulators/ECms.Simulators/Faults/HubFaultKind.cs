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

    /// <summary>
    /// The hub applies the request exactly as without the fault (committed, stored, journalled), then the answer is
    /// lost: the connection is closed without a response, or the answer is held past the client's timeout and a 504
    /// sent instead. The only fault that lets a request change state: "the hub has it, the client does not know".
    /// </summary>
    AnswerLost,
}
