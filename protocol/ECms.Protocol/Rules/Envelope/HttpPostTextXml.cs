namespace ECms.Protocol.Rules.Envelope;

/// <summary>
/// R-ENV-8 (spec §1.3): HTTP POST with Content-Type <c>text/xml</c>, any parameters (the 2.0 client's
/// <c>encoding='utf-8'</c> included). Silent for a message that did not come over HTTP.
/// </summary>
public sealed class HttpPostTextXml : Rule
{
    public const string MethodPath = "http:method";
    public const string ContentTypePath = "http:content-type";

    public override string Id => "R-ENV-8";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "HTTP POST with Content-Type text/xml";

    public override bool AppliesTo(Operation operation) => true;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.Http is not { } http)
        {
            yield break;
        }

        if (!string.Equals(http.Method, "POST", StringComparison.Ordinal))
        {
            yield return Violation($"คำขอใช้ HTTP method \"{http.Method}\" แต่ e-CMS รับเฉพาะ POST",
                $"The request uses the HTTP method \"{http.Method}\"; e-CMS accepts POST only.", MethodPath, http.Method);
        }

        var mediaType = http.ContentType?.Split(';', 2)[0].Trim() ?? "";
        if (mediaType.Length == 0)
        {
            yield return Violation("คำขอไม่มี Content-Type ต้องเป็น text/xml", "The request has no Content-Type; it must be text/xml.", ContentTypePath, http.ContentType);
        }
        else if (!string.Equals(mediaType, "text/xml", StringComparison.OrdinalIgnoreCase))
        {
            var soap12 = string.Equals(mediaType, "application/soap+xml", StringComparison.OrdinalIgnoreCase);
            yield return Violation(
                $"Content-Type \"{http.ContentType}\" ต้องเป็น text/xml{(soap12 ? " (application/soap+xml เป็นของ SOAP 1.2)" : "")}",
                $"The Content-Type \"{http.ContentType}\" must be text/xml{(soap12 ? " (application/soap+xml is SOAP 1.2's)" : "")}.",
                ContentTypePath, http.ContentType);
        }
    }
}
