using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace ECms.Protocol.Tests;

/// <summary>
/// Wire dates on a Thai machine: with th-TH as the current culture .NET formats and parses years in the Buddhist era
/// (2567 for 2024) unless told otherwise. Every wire date goes through <see cref="WireFormats"/>, so it must not care.
/// </summary>
[SetCulture("th-TH")]
public sealed class WireFormatsThaiCultureTests
{
    private static readonly DateTimeOffset At = new(2024, 6, 11, 2, 30, 12, 457, TimeSpan.Zero);

    [Test]
    public void CurrentCulture_ThaiMachine_WouldWriteTheBuddhistEra()
    {
        // The trap these tests guard against is armed: without it none of them could fail.
        new DateOnly(2024, 6, 11).ToString("yyyy", CultureInfo.CurrentCulture).ShouldBe("2567");
    }

    [Test]
    public void FormatDate_ThaiCulture_GregorianYear()
    {
        WireFormats.FormatDate(new DateOnly(2024, 6, 11)).ShouldBe("2024-06-11");
    }

    [Test]
    public void FormatDateTime_ThaiCulture_GregorianThaiLocalTime()
    {
        WireFormats.FormatDateTime(At).ShouldBe("2024-06-11T09:30:12");
    }

    [Test]
    public void FormatProcessTime_ThaiCulture_GregorianThaiLocalTimeWithMilliseconds()
    {
        WireFormats.FormatProcessTime(At).ShouldBe("2024-06-11T09:30:12.457");
    }

    [Test]
    public void TryParseDate_ThaiCulture_ReadsTheYearAsGregorian()
    {
        WireFormats.TryParseDate("2024-06-11", out var date).ShouldBeTrue();

        date.ShouldBe(new DateOnly(2024, 6, 11));
    }

    [Test]
    public void TryParseDateTime_ThaiCulture_ReadsTheYearAsGregorian()
    {
        WireFormats.TryParseDateTime("2024-06-11T09:30:12", out var time).ShouldBeTrue();

        time.ShouldBe(new DateTime(2024, 6, 11, 9, 30, 12, DateTimeKind.Unspecified));
    }

    [Test]
    public void TryParseProcessTime_ThaiCulture_ReadsTheYearAsGregorian()
    {
        WireFormats.TryParseProcessTime("2024-06-11T09:30:12.457", out var time).ShouldBeTrue();

        time.ShouldBe(new DateTime(2024, 6, 11, 9, 30, 12, 457, DateTimeKind.Unspecified));
    }

    [Test]
    public void ThaiToday_ThaiCultureAfterFiveInTheAfternoonUtc_NextDayInGregorian()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 6, 10, 17, 30, 0, TimeSpan.Zero));

        var today = WireFormats.ThaiToday(clock);

        today.ShouldBe(new DateOnly(2024, 6, 11));
        WireFormats.BuddhistEraYear(today).ShouldBe(2567);
    }
}
