using System.Globalization;
using System.Text;
using ECms.Reports.Model;
using ECms.Reports.Text;

namespace ECms.Reports.Html;

/// <summary>
/// An inline SVG sequence diagram of an item's exchanges: the SUT on the left, the hub in the middle, peers to the
/// right. In e-CMS every agency calls only the hub (its own endpoint), so each exchange is a call to the hub and its
/// answer; <c>wsa:To</c> is what routes a letter onwards. Arrowheads are plain polygons, so several diagrams on one
/// page share no element IDs.
/// </summary>
internal static class SequenceDiagram
{
    private const int LaneSpacing = 220;
    private const int Margin = 95;
    private const int HeaderHeight = 40;
    private const int FirstRow = 76;
    private const int RowHeight = 46;
    private const int MaxPeers = 3;
    private const int MaxLabel = 36;

    public static string Render(IReadOnlyList<ExchangeRecord> exchanges, string? sutOrganizationId)
    {
        var peers = exchanges.Select(e => e.OrganizationId).Where(org => org != sutOrganizationId).Distinct().Take(MaxPeers).ToList();
        var laneCount = 2 + Math.Max(peers.Count, 1);
        var width = (2 * Margin) + ((laneCount - 1) * LaneSpacing);
        var height = FirstRow + (exchanges.Count * RowHeight);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"seq\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">"))
            .Append("<title>SUT ↔ hub ↔ peer</title>\n");

        Lane(svg, 0, height, "ระบบที่ทดสอบ · SUT", sutOrganizationId ?? "?");
        Lane(svg, 1, height, "ศูนย์กลาง · hub", "e-CMS (จำลอง · simulated)");
        if (peers.Count == 0)
        {
            Lane(svg, 2, height, "คู่ทดสอบ · peer", "—");
        }

        for (var i = 0; i < peers.Count; i++)
        {
            Lane(svg, 2 + i, height, "คู่ทดสอบ · peer", peers[i] ?? "?");
        }

        for (var row = 0; row < exchanges.Count; row++)
        {
            var exchange = exchanges[row];
            var peerIndex = peers.IndexOf(exchange.OrganizationId);
            var callerLane = exchange.OrganizationId == sutOrganizationId ? 0 : 2 + Math.Max(peerIndex, 0);
            var y = FirstRow + (row * RowHeight);
            var label = $"#{exchange.Sequence.ToString(CultureInfo.InvariantCulture)} {SoapSummary.InnerKind(exchange.RequestBody) ?? exchange.Operation ?? "?"}";
            Arrow(svg, callerLane, 1, y, label, request: true, bad: false);
            var bad = exchange.Status is null or >= 400 || exchange.Rejected;
            Arrow(svg, 1, callerLane, y + 20, Answer(exchange), request: false, bad);
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static string Answer(ExchangeRecord exchange)
    {
        if (exchange.Status is not { } status)
        {
            return "ไม่มีการตอบกลับ · no response";
        }

        var code = exchange.Errors.Count > 0 ? exchange.Errors[0].Code : null;
        return code is null ? status.ToString(CultureInfo.InvariantCulture) : $"{status.ToString(CultureInfo.InvariantCulture)} {code}";
    }

    private static int X(int lane) => Margin + (lane * LaneSpacing);

    private static void Lane(StringBuilder svg, int lane, int height, string name, string sub)
    {
        var x = X(lane);
        svg.Append(Invariant($"<rect class=\"lane-box\" x=\"{x - 85}\" y=\"4\" width=\"170\" height=\"{HeaderHeight}\" rx=\"4\"/>"))
            .Append(Invariant($"<text class=\"lane-name\" x=\"{x}\" y=\"20\">")).Append(HtmlText.Escape(name)).Append("</text>")
            .Append(Invariant($"<text class=\"lane-sub\" x=\"{x}\" y=\"36\">")).Append(HtmlText.Escape(Shorten(sub))).Append("</text>")
            .Append(Invariant($"<line class=\"lifeline\" x1=\"{x}\" y1=\"{HeaderHeight + 4}\" x2=\"{x}\" y2=\"{height}\"/>\n"));
    }

    private static void Arrow(StringBuilder svg, int fromLane, int toLane, int y, string label, bool request, bool bad)
    {
        var (x1, x2) = (X(fromLane), X(toLane));
        var direction = Math.Sign(x2 - x1);
        var tip = x2 - (direction * 2);
        var style = request ? "req" : bad ? "res res-bad" : "res";
        var head = request ? "req-head" : bad ? "res-bad-head" : "res-head";
        svg.Append(Invariant($"<line class=\"{style}\" x1=\"{x1}\" y1=\"{y}\" x2=\"{tip - (direction * 7)}\" y2=\"{y}\"/>"))
            .Append(Invariant($"<polygon class=\"{head}\" points=\"{tip},{y} {tip - (direction * 9)},{y - 4} {tip - (direction * 9)},{y + 4}\"/>"))
            .Append(Invariant($"<text class=\"{(bad ? "lbl-bad" : "lbl")}\" x=\"{(x1 + x2) / 2}\" y=\"{y - 5}\">"))
            .Append(HtmlText.Escape(Shorten(label))).Append("</text>\n");
    }

    private static string Shorten(string text) => text.Length <= MaxLabel ? text : string.Concat(text.AsSpan(0, MaxLabel - 1), "…");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
