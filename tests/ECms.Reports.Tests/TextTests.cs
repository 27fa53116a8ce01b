using ECms.Reports.Text;

namespace ECms.Reports.Tests;

public class TextTests
{
    private static readonly DateTimeOffset June11 = new(2024, 6, 11, 9, 30, 12, TimeSpan.FromHours(7));

    [Test]
    public void Thai_Date_ShowsBuddhistEraAndGregorianYear()
    {
        var text = BuddhistEraDates.Thai(June11);

        text.ShouldBe("11 มิถุนายน พ.ศ. 2567 เวลา 09:30:12 น. (ค.ศ. 2024, UTC+07:00)");
    }

    [Test]
    public void English_Date_ShowsGregorianAndBuddhistEraYear()
    {
        var text = BuddhistEraDates.English(June11);

        text.ShouldBe("11 June 2024, 09:30:12 UTC+07:00 (B.E. 2567)");
    }

    [TestCase(2024, 1, 1, "1 มกราคม พ.ศ. 2567")]
    [TestCase(2023, 12, 31, "31 ธันวาคม พ.ศ. 2566")]
    [TestCase(2000, 2, 29, "29 กุมภาพันธ์ พ.ศ. 2543")]
    public void Thai_YearBoundaries_AddFiveHundredFortyThree(int year, int month, int day, string expectedStart)
    {
        var text = BuddhistEraDates.Thai(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));

        text.ShouldStartWith(expectedStart);
        text.ShouldEndWith("UTC)");
    }

    [TestCase("<b>&\"'", "&lt;b&gt;&amp;&quot;&#39;")]
    [TestCase("ไทย\u0000\u0007x", "ไทย\uFFFD\uFFFDx")]
    [TestCase("a\r\nb\rc", "a\nb\nc")]
    [TestCase("😀", "😀")]
    public void Escape_StrangersText_IsSafeInsideHtml(string text, string expected)
    {
        var escaped = HtmlText.Escape(text);

        escaped.ShouldBe(expected);
    }

    // Lone surrogates are built in code: attribute arguments cannot carry them intact.
    [Test]
    public void Escape_LoneSurrogate_BecomesReplacementCharacter()
    {
        var text = new string(['\uD800', 'x', '\uDC00']);

        var escaped = HtmlText.Escape(text);

        escaped.ShouldBe("\uFFFDx\uFFFD");
    }

    [Test]
    public void Clean_LoneSurrogate_BecomesReplacementCharacter()
    {
        var text = new string(['a', '\uDC00', '\uD83D', '\uDE00']);

        var cleaned = XmlChars.Clean(text);

        cleaned.ShouldBe("a\uFFFD😀");
    }

    [TestCase("ok ไทย", "ok ไทย")]
    [TestCase("bad\u0001char", "bad\uFFFDchar")]
    public void Clean_TextForXml_ReplacesWhatXmlCannotCarry(string text, string expected)
    {
        var cleaned = XmlChars.Clean(text);

        cleaned.ShouldBe(expected);
    }
}
