using ECms.Conformance.Steps.Drivers.Letters;

namespace ECms.Conformance.Tests;

public sealed class ThaiShortDateTests
{
    [Test]
    public void Format_Gregorian2024June11_BuddhistEraWithAbbreviatedMonth()
    {
        ThaiShortDate.Format(new DateOnly(2024, 6, 11)).ShouldBe("11 มิ.ย. 2567");
    }

    [Test]
    [SetCulture("th-TH")]
    public void Parse_TypedBuddhistEraDate_GregorianDateOnAnyCulture()
    {
        ThaiShortDate.Parse("11 มิ.ย. 2567").ShouldBe(new DateOnly(2024, 6, 11));
        ThaiShortDate.Parse(" 1 ม.ค.  2568 ").ShouldBe(new DateOnly(2025, 1, 1));
    }

    [TestCase("11 June 2567")]
    [TestCase("11 มิ.ย.")]
    [TestCase("31 ก.พ. 2567")]
    [TestCase("x มิ.ย. 2567")]
    [TestCase("11 มิ.ย. 2567 10:00")]
    public void Parse_NotATypedThaiDate_FormatExceptionNamingTheForm(string text)
    {
        Should.Throw<FormatException>(() => ThaiShortDate.Parse(text)).Message.ShouldContain("11 มิ.ย. 2567");
    }
}
