using ECms.Protocol.Messages;

namespace ECms.ReferenceAgency.Hub;

/// <summary>Why a call brought no usable answer from the hub.</summary>
internal enum HubFailureKind
{
    /// <summary>No connection could be made: the hub certainly did not get the request.</summary>
    Unreachable,

    /// <summary>No answer within the timeout: the hub may or may not have processed the request.</summary>
    Timeout,

    /// <summary>An HTTP status other than 200 without an e-CMS error in the body.</summary>
    HttpStatus,

    /// <summary>A 200 whose body is not a SOAP answer the agency understands.</summary>
    BadResponse,
}

/// <summary>
/// The result of one e-CMS call: either the hub's answer (which may be an <see cref="ErrorResponse"/>) or a failure to
/// get one. <see cref="OutcomeUnknown"/> is the question every retry must answer first: did the hub get it?
/// </summary>
internal sealed record HubResult(EcmsResponse? Response, HubFailureKind? Failure, string? FailureMessage, bool OutcomeUnknown)
{
    public static HubResult Answered(EcmsResponse response) => new(response, null, null, false);

    public static HubResult Failed(HubFailureKind kind, string message, bool outcomeUnknown) => new(null, kind, message, outcomeUnknown);

    public IReadOnlyList<ErrorDetail> HubErrors => Response is ErrorResponse error ? error.Errors : [];

    public bool IsHubError => Response is ErrorResponse;

    /// <summary>The errors to show an operator: the hub's ErrorDetail, or one entry naming the transport failure.</summary>
    public IReadOnlyList<ErrorDetail> ErrorsForOperator() => Response switch
    {
        ErrorResponse error => error.Errors,
        null => [new ErrorDetail(FailureCode(Failure!.Value), FailureMessage ?? "")],
        _ => [],
    };

    public static string FailureCode(HubFailureKind kind) => kind switch
    {
        HubFailureKind.Unreachable => "UNREACHABLE",
        HubFailureKind.Timeout => "TIMEOUT",
        HubFailureKind.HttpStatus => "HTTP-STATUS",
        _ => "BAD-RESPONSE",
    };
}
