using System.Globalization;

namespace ECms.Protocol.Rules.Letter;

/// <summary>R-SEND-SIZE: the whole request is within the configured size limit (default 30 MB, spec §1.3 [HARNESS]).</summary>
public sealed class RequestSizeWithinLimit : Rule
{
    public override string Id => "R-SEND-SIZE";
    public override RuleLevel Level => RuleLevel.Should;
    public override string Title => "Request within the size limit";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.Raw.Length > context.MaxRequestBytes)
        {
            var size = context.Raw.Length.ToString("N0", CultureInfo.InvariantCulture);
            var limit = context.MaxRequestBytes.ToString("N0", CultureInfo.InvariantCulture);
            yield return Violation($"คำขอมีขนาด {size} ไบต์ เกินขีดจำกัด {limit} ไบต์",
                $"The request is {size} bytes, over the limit of {limit} bytes.", "/", size);
        }
    }
}
