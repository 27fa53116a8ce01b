namespace ECms.Simulators.Errors;

/// <summary>The hub's error catalogue (spec §9.2, harness-defined): what went wrong, independent of the code on the wire.</summary>
public enum HubErrorKind
{
    /// <summary>E100: malformed XML, not SOAP 1.1, or an unknown operation.</summary>
    MalformedRequest,

    /// <summary>E110: a missing, extra or misordered element.</summary>
    SchemaViolation,

    /// <summary>E120: a value in the wrong format (date, code, base64, mimeCode).</summary>
    InvalidValue,

    /// <summary>E130: the main letter is missing or empty.</summary>
    MainLetterMissing,

    /// <summary>E200: unknown sender organisation, or the sender is not the endpoint's owner.</summary>
    UnknownSender,

    /// <summary>E210: unknown receiver organisation, or wsa:To does not match it.</summary>
    UnknownReceiver,

    /// <summary>E300: an active letter with the same key already exists.</summary>
    DuplicateLetter,

    /// <summary>E310: no letter matches the notifier, withdrawal or special request.</summary>
    LetterNotFound,

    /// <summary>E320: the letter's state does not allow this step (spec §6.2).</summary>
    TransitionNotAllowed,

    /// <summary>E330: the caller is not a party to the letter, or has the wrong role for this notifier.</summary>
    NotAParty,

    /// <summary>E400: the ProcessID is unknown or not in the caller's queue.</summary>
    UnknownProcessId,

    /// <summary>E900: an internal error or a simulated outage.</summary>
    SimulatedOutage,
}
