using System.Xml;
using ECms.Reports.Text;

namespace ECms.Reports.Html;

/// <summary>
/// Names what a send carried: every letter and notifier travels as <c>CorrespondenceLetterOutboundRequest</c>, so
/// the diagram and the exchange heading show its child (<c>GovernmentDocument</c>, <c>AcceptLetterNotifier</c>…).
/// </summary>
internal static class SoapSummary
{
    private const string SendOperation = "CorrespondenceLetterOutboundRequest";

    public static string? InnerKind(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        try
        {
            using var reader = SafeXml.Read(body, skipCommentsAndWhitespace: true);
            var bodyDepth = -1;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (bodyDepth < 0)
                {
                    bodyDepth = reader.LocalName == "Body" ? reader.Depth : -1;
                }
                else if (reader.Depth == bodyDepth + 1 && reader.LocalName != SendOperation)
                {
                    return null;
                }
                else if (reader.Depth == bodyDepth + 2)
                {
                    return reader.LocalName;
                }
            }
        }
        catch (XmlException)
        {
            // Malformed evidence is shown as received; it just has no summary.
        }

        return null;
    }
}
