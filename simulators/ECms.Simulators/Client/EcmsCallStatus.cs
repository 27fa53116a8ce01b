namespace ECms.Simulators.Client;

/// <summary>How one call to an e-CMS endpoint ended, from the client's side.</summary>
public enum EcmsCallStatus
{
    /// <summary>HTTP 200 and the expected response.</summary>
    Success,

    /// <summary>HTTP 200 with one or more ErrorDetail.</summary>
    BusinessError,

    /// <summary>A SOAP Fault, whatever the HTTP status.</summary>
    SoapFault,

    /// <summary>A non-200 status without a SOAP Fault.</summary>
    HttpError,

    /// <summary>A body that is not a readable e-CMS response (not XML, not SOAP, unknown content).</summary>
    MalformedResponse,

    /// <summary>No answer within the client's timeout.</summary>
    Timeout,

    /// <summary>The connection failed or was closed without an answer.</summary>
    ConnectionFailed,
}
