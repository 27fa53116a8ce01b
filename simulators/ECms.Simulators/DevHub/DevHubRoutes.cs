using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ECms.Simulators.DevHub;

/// <summary>The monitor and admin routes, served on the hub's own port before the e-CMS endpoints.</summary>
internal sealed partial class DevHubRoutes(DevHubServer server, AdminApi admin)
{
    // No script runs on these pages, ever: even an unescaped subject could not execute.
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public async Task<bool> HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path == "/admin" || path.StartsWith("/admin/", StringComparison.Ordinal))
        {
            await admin.HandleAsync(context).ConfigureAwait(false);
            return true;
        }

        if (path != "/" && path != "/monitor" && !path.StartsWith("/monitor/", StringComparison.Ordinal))
        {
            return false;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = 405;
            context.Response.Headers.Allow = "GET";
            return true;
        }

        var hub = server.Hub;
        var query = context.Request.Query;
        switch (path)
        {
            case "/":
                context.Response.Redirect("/monitor");
                return true;
            case "/monitor":
                await HtmlAsync(context, 200, MonitorPage.Letters(hub, MonitorFilter.Parse(query))).ConfigureAwait(false);
                return true;
            case "/monitor/stats":
                await HtmlAsync(context, 200, MonitorPage.Statistics(hub, Month(query["month"].ToString()))).ConfigureAwait(false);
                return true;
            case "/monitor/stats.csv":
                var month = Month(query["month"].ToString());
                var csv = MonthlyStatistics.ToCsv(MonthlyStatistics.Compute(hub.MonitorLetters(), hub.Agencies, month));
                context.Response.ContentType = "text/csv; charset=utf-8";
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"ecms-statistics-{month ?? "all"}.csv\"";
                await context.Response.Body.WriteAsync(csv, context.RequestAborted).ConfigureAwait(false);
                return true;
        }

        var letter = path.StartsWith("/monitor/letters/", StringComparison.Ordinal) ? MonitorPage.Letter(hub, Uri.UnescapeDataString(path["/monitor/letters/".Length..])) : null;
        await HtmlAsync(context, letter is null ? 404 : 200, letter ?? "<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><p>ไม่พบ · Not found. <a href=\"/monitor\">Monitor</a></p></body></html>")
            .ConfigureAwait(false);
        return true;
    }

    private static async Task HtmlAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = Policy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(html), context.RequestAborted).ConfigureAwait(false);
    }

    private static string? Month(string text) => MonthPattern().IsMatch(text) ? text : null;

    [GeneratedRegex("^[0-9]{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex MonthPattern();
}
