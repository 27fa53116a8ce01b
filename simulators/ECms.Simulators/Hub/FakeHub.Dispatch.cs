using System.Buffers;
using System.Text;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Protocol.Wire;
using ECms.Simulators.Errors;
using ECms.Simulators.Faults;
using ECms.Simulators.Journal;
using ECms.Simulators.Persistence;
using Microsoft.AspNetCore.Http;

namespace ECms.Simulators.Hub;

/// <summary>
/// One request from bytes to answer: read it safely, take a matching injected fault, run the rules that look only at
/// the message, then — in one hold of the state lock — the rules that read the hub's state and the hub's own state
/// checks, decide by the reject policy, apply the change only when nothing refuses and no fault answers (an
/// AnswerLost fault lets it apply); write the answer outside the lock (or lose it, under AnswerLost), journal the exchange.
/// </summary>
public sealed partial class FakeHub
{
    // Requests counted as they arrive: a held answer can complete after later requests, so the journal's completion
    // order alone cannot say which request came first.
    private long _arrivals;

    private async Task<HubReply> HandleAsync(string? organizationId, InboundHttp inbound)
    {
        var record = NewRecord(organizationId, inbound);
        HubReply reply;
        try
        {
            reply = await ServeAsync(organizationId, inbound, record).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever fails inside the hub must become an answer and a journal entry, never a dead connection.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            record.Outcome = ExchangeOutcome.InternalError;
            record.Problem = $"The hub failed while serving this request (a harness error, not the agency's): {ex}";
            reply = SoapFault(500, "Server", "The hub failed while serving this request.", HubErrorKind.SimulatedOutage, ex.Message);
        }

        reply = InResponseStyle(reply);
        record.StatusCode = reply.StatusCode;
        record.ResponseContentType = reply.StatusCode == 0 ? null : reply.ContentType;
        record.ResponseBody = reply.Journaled;
        record.Errors = reply.Errors;
        record.RespondedAt = Clock.GetUtcNow();
        Journal.Append(record);
        return reply;
    }

    private async Task<HubReply> ServeAsync(string? organizationId, InboundHttp inbound, ExchangeRecord record)
    {
        if (organizationId is null)
        {
            record.Outcome = ExchangeOutcome.Invalid;
            record.Problem = $"No agency endpoint at {inbound.Path}. Endpoints are /{{organizationId}}/ecms-ws01/service2 for the registered " +
                $"organisations: {string.Join(", ", _directory.Agencies.Select(a => a.OrganizationId))}.";
            return SoapFault(404, "Client", record.Problem, HubErrorKind.MalformedRequest, null);
        }

        var parsed = Parse(inbound.Body);
        record.Operation = parsed.Operation;
        record.Request = parsed.Request;
        var fault = _faults.Take(organizationId, parsed.Operation);

        // A fault that only loses the answer lets the hub serve the request as if there were none.
        var answering = fault is { Fault.AppliesRequest: false } ? fault : null;
        var transportProblem = TransportProblem(inbound);
        var usable = parsed.Problem is null && transportProblem is null;
        var profile = Strictness;
        var canonicalLetter = usable && answering is null && parsed.Request is SendLetterRequest send
            ? LetterWire.Canonicalize(send.Letter, inbound.Body)
            : ReadOnlyMemory<byte>.Empty;

        // Rules that only look at the message run before the lock; the rules that read the hub's letters and queues
        // run inside it, with the checks and the change they judge, so a racing request cannot slip between them.
        var context = RuleContextFor(organizationId, inbound, parsed, profile);
        var messageFindings = Options.RuleEngine.Validate(context, static rule => !rule.ReadsHubState).Findings;
        Decision decision;
        PendingReply? pending = null;
        lock (_state.Gate)
        {
            var stateFindings = Options.RuleEngine.Validate(
                context with { SeenMessageIds = _state.SeenMessageIds(organizationId) }, static rule => rule.ReadsHubState).Findings;
            var findings = Options.RuleEngine.InCatalogueOrder(messageFindings, stateFindings);
            var plan = usable ? PlanFor(new Call(organizationId, parsed.Request!, profile, canonicalLetter, Clock.GetUtcNow())) : null;
            decision = Decide(findings, plan, profile);
            if (answering is null && usable && !decision.Rejected)
            {
                pending = (plan!.Commit ?? throw new InvalidOperationException($"No commit planned for {parsed.Operation}."))(Clock.GetUtcNow());
                _state.RememberMessageId(organizationId, parsed.Request!.Header.MessageId);
                record.Link = WriteThrough(parsed.Request);
            }
        }

        record.Findings = decision.Findings;
        record.Link ??= LetterLink.FromRequest(parsed.Request);
        if (answering is not null)
        {
            record.Outcome = ExchangeOutcome.Faulted;
            record.Fault = answering.Fault;
            return await ApplyFaultAsync(answering.Fault, parsed.Operation, inbound, record).ConfigureAwait(false);
        }

        var reply = Answer(parsed, transportProblem, decision, pending, record);
        if (fault is null)
        {
            return reply;
        }

        record.Fault = fault.Fault;
        return await LoseAnswerAsync(fault.Fault, reply, pending, inbound, record).ConfigureAwait(false);
    }

    /// <summary>The hub's own answer to a request no fault answers: a SOAP fault, a refusal or the operation's response.</summary>
    private HubReply Answer(ParsedRequest parsed, (int Status, string Message)? transportProblem, Decision decision, PendingReply? pending, ExchangeRecord record)
    {
        if (transportProblem is not null)
        {
            record.Outcome = ExchangeOutcome.Invalid;
            record.Problem = transportProblem.Value.Message;
            return SoapFault(transportProblem.Value.Status, "Client", transportProblem.Value.Message, HubErrorKind.MalformedRequest, null)
                with { Headers = transportProblem.Value.Status == 405 ? new Dictionary<string, string> { ["Allow"] = "POST" } : new Dictionary<string, string>() };
        }

        if (parsed.Problem is not null)
        {
            record.Outcome = ExchangeOutcome.Invalid;
            record.Problem = parsed.Problem;
            return SoapFault(500, parsed.FaultCode, parsed.Problem, HubErrorKind.MalformedRequest, null);
        }

        if (decision.Rejected)
        {
            record.Outcome = ExchangeOutcome.Rejected;
            var refusal = EcmsWriter.WriteResponse(new ErrorResponse(parsed.Operation, decision.Errors), Options.WriterOptions);
            return HubReply.Bytes(200, refusal) with { Errors = decision.Errors };
        }

        record.Outcome = ExchangeOutcome.Accepted;
        return Write(pending!);
    }

    private ExchangeRecord NewRecord(string? organizationId, InboundHttp inbound) => new()
    {
        Arrival = Interlocked.Increment(ref _arrivals),
        OrganizationId = organizationId,
        Path = inbound.Path,
        Method = inbound.Method,
        ContentType = inbound.ContentType,
        SoapAction = inbound.SoapAction,
        RequestBody = new ReadOnlySequence<byte>(inbound.Body),
        ReceivedAt = inbound.ReceivedAt,
    };

    private static (int Status, string Message)? TransportProblem(InboundHttp inbound)
    {
        if (!HttpMethods.IsPost(inbound.Method))
        {
            return (405, $"e-CMS endpoints accept only POST; this request used {inbound.Method}.");
        }

        var mediaType = inbound.ContentType?.Split(';', 2)[0].Trim();
        if (!string.Equals(mediaType, "text/xml", StringComparison.OrdinalIgnoreCase))
        {
            return (415, inbound.ContentType is null
                ? "The request has no Content-Type; e-CMS requests are SOAP 1.1 with Content-Type text/xml."
                : $"Content-Type \"{inbound.ContentType}\" is not text/xml; e-CMS requests are SOAP 1.1 (application/soap+xml would be SOAP 1.2).");
        }

        return null;
    }

    private ParsedRequest Parse(ReadOnlyMemory<byte> body)
    {
        var loaded = SafeXmlLoader.Load(body, _limits);
        if (loaded.Problem is { } problem)
        {
            return new ParsedRequest(null, problem, Operation.Unknown, null, $"The request is not usable XML: {problem}", "Client");
        }

        var envelope = SoapEnvelope.From(loaded.Document!);
        var operation = EcmsReader.DetectOperation(envelope);
        if (envelope.IsSoap12)
        {
            return new ParsedRequest(envelope, null, operation, null,
                "The envelope is SOAP 1.2; e-CMS 2.0 speaks SOAP 1.1 (http://schemas.xmlsoap.org/soap/envelope/) only.", "VersionMismatch");
        }

        if (!envelope.IsSoap11)
        {
            return new ParsedRequest(envelope, null, Operation.Unknown, null,
                $"The document element is <{envelope.Root.Name.LocalName}> in namespace \"{envelope.EnvelopeNamespace}\", not a SOAP 1.1 Envelope.", "Client");
        }

        if (envelope.Body is null || operation == Operation.Unknown)
        {
            var child = envelope.OperationElement?.Name.LocalName;
            return new ParsedRequest(envelope, null, Operation.Unknown, null,
                envelope.Body is null ? "The envelope has no SOAP-ENV:Body."
                : child is null ? "SOAP-ENV:Body is empty; it must hold one e-CMS operation element."
                : $"<{child}> is not an e-CMS 2.0 operation (or its content does not say which one).", "Client");
        }

        return new ParsedRequest(envelope, null, operation, EcmsReader.ReadRequest(envelope), null, "Client");
    }

    private RuleContext RuleContextFor(string organizationId, InboundHttp inbound, ParsedRequest parsed, ValidationProfile profile) =>
        new()
        {
            Profile = profile,
            Raw = inbound.Body,
            Envelope = parsed.Envelope,
            LoadProblem = parsed.LoadProblem,
            Request = parsed.Request,
            Operation = parsed.Operation,
            Http = new HttpFacts(inbound.Method, inbound.ContentType, inbound.SoapAction),
            CallerOrganizationId = organizationId,
            Directory = _directory,
            CodeLists = Options.CodeLists,
            Letters = _state,
            Queues = _state,
            MaxRequestBytes = Options.MaxRequestBytes,
            Clock = Clock,
        };

    private Plan PlanFor(Call call) => call.Request switch
    {
        SendLetterRequest send => PlanSendLetter(call, send),
        SendNotifierRequest notifier => PlanNotifier(call, notifier.Notifier),
        PullRequest => PlanPull(call),
        DeleteFromQueueRequest delete => PlanDelete(call, delete),
        WithdrawLetterRequest withdraw => PlanWithdraw(call, withdraw),
        SpecialRequest special => PlanSpecialRequest(call, special),
        DirectoryRequest directory => PlanDirectory(call, directory.Operation),
        _ => throw new InvalidOperationException($"No handler for {call.Request.GetType().Name}."),
    };

    /// <summary>The rule engine's findings, then the hub's own not already reported; refusals by the one reject table.</summary>
    private Decision Decide(IReadOnlyList<Finding> ruleFindings, Plan? plan, ValidationProfile profile)
    {
        var all = new List<Finding>(ruleFindings);
        foreach (var finding in plan?.Findings ?? [])
        {
            if (!all.Any(f => SameFinding(f, finding)))
            {
                all.Add(finding);
            }
        }

        // The hub's own refusals decide the error for their rule IDs: they say which step could not be applied,
        // where a rule may report the same concern at a less telling path. Other rules refuse by the policy.
        var blocking = plan?.Blocking ?? [];
        var refusing = blocking
            .Concat(all.Where(f => Options.RejectPolicy.Rejects(f, profile) && !blocking.Any(b => b.RuleId == f.RuleId)))
            .ToList();
        var errors = refusing.Select(ToError).Distinct().Take(Options.MaxErrorDetails).ToArray();
        return new Decision(all, errors);
    }

    private static bool SameFinding(Finding a, Finding b) => a.RuleId == b.RuleId && a.Path == b.Path && a.Level == b.Level;

    private ErrorDetail ToError(Finding finding)
    {
        var entry = Options.Errors[Options.RejectPolicy.RowFor(finding).Error];
        return Options.DetailedErrorDescriptions
            ? entry with { Description = $"{entry.Description}: {finding.MessageEn} [{finding.RuleId} at {finding.Path}]" }
            : entry;
    }

    private ErrorDetail Error(HubErrorKind kind, string? detail)
    {
        var entry = Options.Errors[kind];
        return detail is null || !Options.DetailedErrorDescriptions ? entry : entry with { Description = $"{entry.Description}: {detail}" };
    }

    private HubReply SoapFault(int status, string faultCode, string faultString, HubErrorKind kind, string? detail)
    {
        ErrorDetail[] errors = [Error(kind, detail)];
        return HubReply.Bytes(status, EcmsWriter.WriteFault(faultCode, faultString, errors)) with { Errors = errors };
    }

    private HubReply Write(PendingReply pending)
    {
        if (pending.LetterFragment is { } fragment)
        {
            var (http, journal) = LetterWire.Splice(pending.Response, fragment, Options.WriterOptions);
            return new HubReply(200, http, journal);
        }

        return HubReply.Bytes(200, EcmsWriter.WriteResponse(pending.Response, Options.WriterOptions));
    }

    private async Task<HubReply> ApplyFaultAsync(HubFault fault, Operation operation, InboundHttp inbound, ExchangeRecord record)
    {
        switch (fault.Kind)
        {
            case HubFaultKind.HttpError:
                return SoapFault(fault.StatusCode, "Server", $"Simulated hub outage (injected HTTP {fault.StatusCode}).", HubErrorKind.SimulatedOutage, "injected fault");
            case HubFaultKind.Delay:
                try
                {
                    await Task.Delay(fault.Delay, Clock, inbound.Aborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    record.Problem = "The client closed the connection during the injected delay.";
                    return new HubReply(0, [], ReadOnlySequence<byte>.Empty);
                }

                return SoapFault(fault.StatusCode, "Server", $"Simulated hub timeout after {fault.Delay}.", HubErrorKind.SimulatedOutage, "injected delay");
            case HubFaultKind.CloseConnection:
                return HubReply.Closed();
            case HubFaultKind.MalformedBody:
                // A response cut off mid-element: not well-formed, as a proxy truncating the stream would leave it.
                return HubReply.Bytes(200, Encoding.UTF8.GetBytes(
                    $"<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"{EcmsNamespaces.Soap11}\"><SOAP-ENV:Body><{operation.ResponseElement()}><ProcessID>"));
            case HubFaultKind.ErrorDetails:
                return HubReply.Bytes(200, EcmsWriter.WriteResponse(new ErrorResponse(operation, fault.Errors), Options.WriterOptions))
                    with { Errors = fault.Errors };
            default:
                throw new InvalidOperationException($"Unknown fault kind {fault.Kind}.");
        }
    }

    /// <summary>
    /// The answer the hub has already decided (and, for an accepted request, committed) never reaches the client. The
    /// outcome stays what the hub decided; the journal keeps what went on the wire and says what was lost, so an auditor
    /// reads "processed, answer lost".
    /// </summary>
    private async Task<HubReply> LoseAnswerAsync(HubFault fault, HubReply decided, PendingReply? pending, InboundHttp inbound, ExchangeRecord record)
    {
        var lost = record.Outcome switch
        {
            ExchangeOutcome.Accepted => $"The hub applied the request (committed and stored{ProcessIdOf(pending?.Response)}); its answer, HTTP {decided.StatusCode}, was lost",
            ExchangeOutcome.Rejected => $"The hub refused the request ({string.Join(", ", decided.Errors.Select(e => e.Code))}; nothing changed); the refusal was lost",
            _ => $"The hub could not use the request ({record.Problem}); its HTTP {decided.StatusCode} answer was lost",
        };
        if (fault.Delay <= TimeSpan.Zero)
        {
            record.Problem = $"{lost}: the connection was closed without a response (injected AnswerLost fault).";
            return HubReply.Closed();
        }

        try
        {
            await Task.Delay(fault.Delay, Clock, inbound.Aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            record.Problem = $"{lost}: the client closed the connection while the answer was held (injected AnswerLost fault, hold {fault.Delay}).";
            return new HubReply(0, [], ReadOnlySequence<byte>.Empty);
        }

        record.Problem = $"{lost}: after holding it for {fault.Delay} the hub sent 504 instead (injected AnswerLost fault).";
        return SoapFault(fault.StatusCode, "Server", $"Simulated gateway timeout after {fault.Delay}.", HubErrorKind.SimulatedOutage, "injected lost answer");
    }

    private static string ProcessIdOf(EcmsResponse? response) => response switch
    {
        SendLetterResponse r => $", ProcessID {r.ProcessId}",
        SendNotifierResponse r => $", ProcessID {r.ProcessId}",
        DeleteFromQueueResponse r => $", ProcessID {r.ProcessId}",
        WithdrawLetterResponse { ProcessId: { } id } => $", ProcessID {id}",
        PullResponse { Item: { } item } => $", queue item {item.ProcessId} handed out",
        _ => "",
    };

    private HubReply TooLarge(InboundHttp inbound, long? declared, long limit)
    {
        var record = NewRecord(OrganizationFromPath(inbound.Path), inbound);
        var problem = declared is { } length
            ? $"The request declares {length:N0} bytes, over the hub's limit of {limit:N0} bytes; the body was not read."
            : $"The chunked request body exceeded the hub's limit of {limit:N0} bytes; reading stopped there.";
        var reply = InResponseStyle(SoapFault(413, "Client", problem, HubErrorKind.MalformedRequest, null));
        record.Outcome = ExchangeOutcome.Invalid;
        record.Problem = problem;
        record.StatusCode = reply.StatusCode;
        record.ResponseContentType = reply.ContentType;
        record.ResponseBody = reply.Journaled;
        record.Errors = reply.Errors;
        record.RespondedAt = Clock.GetUtcNow();
        Journal.Append(record);
        return reply;
    }

    private sealed record ParsedRequest(
        SoapEnvelope? Envelope,
        XmlLoadProblem? LoadProblem,
        Operation Operation,
        EcmsRequest? Request,
        string? Problem,
        string FaultCode);

    private sealed record Call(string Caller, EcmsRequest Request, ValidationProfile Profile, ReadOnlyMemory<byte> CanonicalLetter, DateTimeOffset Now);

    /// <summary>SOAP answers carry <see cref="FakeHubOptions.ResponseContentType"/> (A5 varies it).</summary>
    private HubReply InResponseStyle(HubReply reply) =>
        reply.ContentType == HubReply.XmlContentType && Options.ResponseContentType != HubReply.XmlContentType
            ? reply with { ContentType = Options.ResponseContentType }
            : reply;

    private sealed record PendingReply(EcmsResponse Response, ReadOnlyMemory<byte>? LetterFragment = null);

    private sealed record Decision(IReadOnlyList<Finding> Findings, IReadOnlyList<ErrorDetail> Errors)
    {
        public bool Rejected => Errors.Count > 0;
    }

    /// <summary>
    /// The hub's checks of one request and the change it would make. <see cref="Blocking"/> findings are steps the hub
    /// cannot apply (no such letter, refused transition); <see cref="Commit"/> runs only if nothing refuses.
    /// </summary>
    private sealed class Plan
    {
        public List<Finding> Findings { get; } = [];
        public List<Finding> Blocking { get; } = [];
        public Func<DateTimeOffset, PendingReply>? Commit { get; set; }

        public static Plan Answer(Func<DateTimeOffset, PendingReply> commit) => new() { Commit = commit };

        public Plan Refuse(Finding finding)
        {
            Findings.Add(finding);
            Blocking.Add(finding);
            return this;
        }

        public void Note(Finding finding) => Findings.Add(finding);
    }
}
