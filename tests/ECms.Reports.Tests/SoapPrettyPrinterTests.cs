using System.Security.Cryptography;
using ECms.Reports.Tests.Support;
using ECms.Reports.Text;

namespace ECms.Reports.Tests;

public class SoapPrettyPrinterTests
{
    [Test]
    public void Format_SendLetter_IndentsAndKeepsPrefixesAndThai()
    {
        var body = Soap.SendLetter();

        var pretty = SoapPrettyPrinter.Format(body);

        pretty.WellFormed.ShouldBeTrue();
        pretty.Text.ShouldStartWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SOAP-ENV:Envelope");
        pretty.Text.ShouldContain("\n    <CorrespondenceLetterOutboundRequest>\n      <rsm:GovernmentDocument");
        pretty.Text.ShouldContain("<ram:Subject>ขอความอนุเคราะห์ข้อมูลสถิติการใช้บริการ ปี ๒๕๖๖ &amp; 2567</ram:Subject>");
        pretty.Text.ShouldContain("<ram:GivenName></ram:GivenName>");
    }

    [Test]
    public void Format_BinaryObject_IsElidedToSizeAndHashOfTheDecodedBytes()
    {
        var body = Soap.SendLetter();

        var pretty = SoapPrettyPrinter.Format(body);

        var hash = Convert.ToHexStringLower(SHA256.HashData(Soap.CoverLetter));
        pretty.Text.ShouldContain($"<ram:MainLetterBinaryObject mimeCode=\"application/pdf\">[base64: 3,009 bytes, sha256 {hash}]</ram:MainLetterBinaryObject>");
        pretty.Text.ShouldNotContain(Convert.ToBase64String(Soap.CoverLetter)[..40]);
    }

    [Test]
    public void Format_InvalidBase64InABinaryObject_SaysSo()
    {
        var body = Soap.SendLetter().Replace(Convert.ToBase64String(Soap.CoverLetter), "not*base64*at*all", StringComparison.Ordinal);

        var pretty = SoapPrettyPrinter.Format(body);

        pretty.Text.ShouldContain("[not valid base64: 17 characters, sha256 of the text ");
    }

    [Test]
    public void Format_WhitespaceOnlyContent_IsKeptAsEvidence()
    {
        var body = """<a><Subject>   </Subject><b>  <c/>  </b></a>""";

        var pretty = SoapPrettyPrinter.Format(body);

        pretty.Text.ShouldBe("<a>\n  <Subject>   </Subject>\n  <b>\n    <c />\n  </b>\n</a>");
    }

    [Test]
    public void Format_NotWellFormed_ShowsTheRawTextWithPayloadsElided()
    {
        var payload = Convert.ToBase64String(Soap.CoverLetter);
        var body = $"<SOAP-ENV:Envelope><Body>{payload}</Bo";

        var pretty = SoapPrettyPrinter.Format(body);

        pretty.WellFormed.ShouldBeFalse();
        pretty.Text.ShouldStartWith("<SOAP-ENV:Envelope><Body>[base64: 3,009 bytes, sha256 ");
        pretty.Text.ShouldEndWith("]</Bo");
    }

    [Test]
    public void Format_ExternalEntity_IsNeitherResolvedNorExpanded()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        var body = $"<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file://{secret}\">]><a>&e;</a>";

        var pretty = SoapPrettyPrinter.Format(body);

        pretty.WellFormed.ShouldBeFalse();
        pretty.Text.ShouldBe(body);
        pretty.Text.ShouldNotContain("TOP-SECRET-CONTENT");
        File.Delete(secret);
    }

    [Test]
    public void Format_AlreadyElidedPayload_IsLeftAsItIs()
    {
        const string marker = "[base64: 3,009 bytes, sha256 00ff]";
        var body = $"<r><ram:MainLetterBinaryObject xmlns:ram=\"urn:x\">{marker}</ram:MainLetterBinaryObject></r>";

        var pretty = SoapPrettyPrinter.Format(body);

        pretty.Text.ShouldContain(marker);
        pretty.Text.ShouldNotContain("not valid base64");
    }
}
