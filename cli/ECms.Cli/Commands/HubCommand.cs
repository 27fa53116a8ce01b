using System.CommandLine;
using ECms.Protocol.Rules;
using ECms.Simulators.DevHub;
using ECms.Simulators.Hub;
using ECms.Simulators.Persistence;

namespace ECms.Cli.Commands;

/// <summary>
/// <c>hub [--host H] [--port N] [--allow-remote-bind] [--agencies FILE] [--data FILE] [--strict] [--token T]
/// [--journal-keep-days N] [--journal-keep-exchanges N] [--reset-settings]</c> — the
/// standalone development hub: e-CMS 2.0 endpoints per agency, persistent state, the monitor and the admin API
/// (docs/dev-hub.md), until Ctrl+C. Exit 0 after a clean stop, 2 for a configuration error (with the fix).
/// </summary>
internal static class HubCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var host = new Option<string>("--host") { Description = "Address to listen on (default 127.0.0.1; others need --allow-remote-bind)", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port (default 8480; 0 = a free one)", DefaultValueFactory = _ => 8480 };
        var allowRemote = new Option<bool>("--allow-remote-bind") { Description = "Allow listening on an interface other than loopback (prints a warning)" };
        var agencies = new Option<string?>("--agencies") { Description = "JSON file of agencies to connect (organizationId, thaiName, englishName[, ministryId, simulate])" };
        var data = new Option<string?>("--data") { Description = $"SQLite file for letters, queues and journal (default {DevHubOptions.DefaultDataFile})" };
        var strict = new Option<bool>("--strict")
        {
            Description = "Refuse every MUST finding (default: lenient, like the real hub); a strictness set at run time and kept in the data file wins",
        };
        var token = new Option<string?>("--token") { Description = "Admin token (at least 16 characters); default: a random one, printed at start-up" };
        var keepDays = new Option<int>("--journal-keep-days")
        {
            Description = "Prune stored exchanges older than this many days (0 = no age limit); letters and queue items are never pruned",
            HelpName = "DAYS",
            DefaultValueFactory = _ => 30,
        };
        var keepExchanges = new Option<int>("--journal-keep-exchanges")
        {
            Description = "Keep at most this many stored exchanges, the newest (0 = no count limit)",
            HelpName = "COUNT",
            DefaultValueFactory = _ => 50_000,
        };
        var resetSettings = new Option<bool>("--reset-settings")
        {
            Description = "Forget the strictness, clock offset and injected faults the data file kept from the last run (they are restored by default)",
        };
        var command = new Command("hub", "Run the standalone e-CMS 2.0 development hub with its monitor (/monitor) and admin API (/admin)")
        {
            host, port, allowRemote, agencies, data, strict, token, keepDays, keepExchanges, resetSettings,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var (days, exchanges) = (parsed.GetValue(keepDays), parsed.GetValue(keepExchanges));
            if (days is < 0 or > 36_500 || exchanges < 0)
            {
                await error.WriteLineAsync(
                    "Configuration error: --journal-keep-days is 0 (no limit) to 36500, --journal-keep-exchanges is 0 (no limit) or more.");
                return EcmsCli.UsageError;
            }

            DevHubServer server;
            try
            {
                server = DevHubServer.Start(new DevHubOptions
                {
                    Host = parsed.GetValue(host)!,
                    Port = parsed.GetValue(port),
                    AllowRemoteBind = parsed.GetValue(allowRemote),
                    AgenciesFile = parsed.GetValue(agencies),
                    DataFile = parsed.GetValue(data),
                    Strictness = parsed.GetValue(strict) ? ValidationProfile.Strict : ValidationProfile.Lenient,
                    AdminToken = parsed.GetValue(token) is { } fixedToken ? new AdminToken(fixedToken) : null,
                    ResetSettings = parsed.GetValue(resetSettings),
                    JournalRetention = new JournalRetention
                    {
                        MaxAge = days > 0 ? TimeSpan.FromDays(days) : null,
                        MaxExchanges = exchanges > 0 ? exchanges : null,
                    },
                });
            }
            catch (HubBindException ex)
            {
                await error.WriteLineAsync($"Configuration error: cannot listen on {ex.Address}:{ex.Port}: {ex.Reason}.");
                await error.WriteLineAsync("Fix: stop what uses that port, or pass --port with a free one (--port 0 picks any free port).");
                return EcmsCli.UsageError;
            }
            catch (Exception ex) when (ex is DevHubConfigurationException or HubStoreException or ArgumentException or IOException)
            {
                await error.WriteLineAsync($"Configuration error: {ex.Message}");
                return EcmsCli.UsageError;
            }

            await using (server)
            {
                foreach (var warning in server.Warnings)
                {
                    await error.WriteLineAsync(warning);
                }

                await output.WriteLineAsync($"e-CMS 2.0 development hub on {server.BaseUrl} ({server.Hub.Strictness}), data in {server.Hub.StorageLocation}");
                await output.WriteLineAsync($"Monitor:     {server.MonitorUrl}");
                await output.WriteLineAsync($"Admin API:   {new Uri(server.BaseUrl, "/admin/status")}  (Authorization: Bearer {server.AdminToken.Value})");
                foreach (var agency in server.Hub.Agencies)
                {
                    await output.WriteLineAsync($"  {agency.OrganizationId}  {agency.ThaiName} / {agency.EnglishName}  → {agency.Endpoint}");
                }

                foreach (var note in server.StartNotes)
                {
                    await output.WriteLineAsync(note);
                }

                await output.WriteLineAsync("Press Ctrl+C to stop; everything is kept in the data file.");
                var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await using (cancellationToken.Register(() => stopped.TrySetResult()))
                {
                    await stopped.Task;
                }
            }

            await output.WriteLineAsync("Hub stopped.");
            return EcmsCli.Success;
        });
        return command;
    }
}
