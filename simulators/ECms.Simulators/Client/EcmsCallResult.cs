using ECms.Protocol.Messages;

namespace ECms.Simulators.Client;

/// <summary>
/// The outcome of one call: a typed result rather than an exception, because a conformance harness must look at
/// every kind of failure. <see cref="Expect{T}"/> turns anything but the expected success into an exception.
/// </summary>
public sealed record EcmsCallResult
{
    public required EcmsCallStatus Status { get; init; }
    public required string MessageId { get; init; }
    public int? HttpStatus { get; init; }
    public EcmsResponse? Response { get; init; }
    public IReadOnlyList<ErrorDetail> Errors { get; init; } = [];
    public string? FaultCode { get; init; }
    public string? FaultString { get; init; }

    /// <summary>What went wrong, in plain English, when the call did not succeed.</summary>
    public string? Problem { get; init; }

    public ReadOnlyMemory<byte> RawResponse { get; init; }

    public bool IsSuccess => Status == EcmsCallStatus.Success;

    public T Expect<T>()
        where T : EcmsResponse =>
        IsSuccess && Response is T typed
            ? typed
            : throw new EcmsCallException(this, $"Expected a {typeof(T).Name} but the call ended {Describe()}.");

    public string Describe() => Status switch
    {
        EcmsCallStatus.Success => $"successfully with {Response?.GetType().Name}",
        EcmsCallStatus.BusinessError => $"with ErrorDetail {string.Join("; ", Errors.Select(e => $"{e.Code} {e.Description}"))}",
        EcmsCallStatus.SoapFault => $"with a SOAP fault (HTTP {HttpStatus}) {FaultCode}: {FaultString}",
        _ => $"as {Status}{(HttpStatus is { } status ? $" (HTTP {status})" : "")}: {Problem}",
    };
}

/// <summary>A call did not end as the caller required; <see cref="Result"/> says how it did end.</summary>
public sealed class EcmsCallException : Exception
{
    public EcmsCallException()
    {
    }

    public EcmsCallException(string message)
        : base(message)
    {
    }

    public EcmsCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EcmsCallException(EcmsCallResult result, string message)
        : base(message)
    {
        Result = result;
    }

    public EcmsCallResult? Result { get; }
}
