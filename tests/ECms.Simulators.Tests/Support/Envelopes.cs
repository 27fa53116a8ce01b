using System.Text;

namespace ECms.Simulators.Tests.Support;

/// <summary>Hand-written request bodies, for input the protocol writer would never produce.</summary>
public static class Envelopes
{
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";

    public static string Wrap(string body, string soapNamespace = Soap11) =>
        $"<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"{soapNamespace}\"><SOAP-ENV:Header>" +
        "<wsa:MessageID xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">mid://test</wsa:MessageID>" +
        "<wsa:To xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">http://example.test/</wsa:To>" +
        $"</SOAP-ENV:Header><SOAP-ENV:Body>{body}</SOAP-ENV:Body></SOAP-ENV:Envelope>";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Xxe() => Utf8(
        "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" +
        Wrap("<GetOrganizationList>&xxe;</GetOrganizationList>"));

    public static byte[] BillionLaughs()
    {
        var dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">");
        }

        dtd.Append("]>");
        return Utf8(dtd + Wrap("<GetOrganizationList>&lol9;</GetOrganizationList>"));
    }

    public static byte[] DeepNesting(int depth) =>
        Utf8(Wrap(string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth))));

    public static byte[] InvalidUtf8()
    {
        var before = Utf8(Wrap("<GetOrganizationList>"));
        var after = Utf8("</GetOrganizationList>" + "</SOAP-ENV:Body></SOAP-ENV:Envelope>");
        return [.. before.AsSpan(0, before.Length - "</SOAP-ENV:Body></SOAP-ENV:Envelope>".Length), 0xC3, 0x28, 0xFF, .. after];
    }

    public static byte[] Utf16() => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Wrap("<GetOrganizationList/>"))];
}
