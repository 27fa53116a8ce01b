using System.Globalization;
using ECms.ReferenceAgency.Faults;
using Microsoft.Extensions.Logging;

namespace ECms.ReferenceAgency;

/// <summary>
/// The standalone process's configuration: command-line flags first, then ECMS_* environment variables (for the
/// container image), then defaults. A mistake is reported as one sentence that names the fix; the process then exits 2.
/// </summary>
internal static class CommandLine
{
    public const int ConfigurationErrorExitCode = 2;

    public const string Usage = """
        ECms.ReferenceAgency — the reference saraban system of the e-CMS 2.0 conformance suite.

        Usage: ECms.ReferenceAgency [options]
          --port N                 control API port on 127.0.0.1 (0 = any free port)      ECMS_AGENCY_PORT      default 5080
          --ecms-endpoint URL      the agency's own e-CMS endpoint                        ECMS_ENDPOINT
          --organization-id CODE   the agency's 10-digit organisation code                ECMS_ORGANIZATION_ID
          --data FILE              SQLite file of the registers                           ECMS_AGENCY_DATA      default ./agency.db
          --fault NAME             inject one known deviation (repeatable)                ECMS_AGENCY_FAULTS    (comma-separated)
          --poll-interval SECONDS  poll on an own timer                                   ECMS_AGENCY_POLL_INTERVAL
          --batch-limit N          queue items per polling cycle                          ECMS_AGENCY_BATCH_LIMIT  default 100
          --hub-timeout SECONDS    timeout of one e-CMS call                              ECMS_AGENCY_HUB_TIMEOUT  default 30
          --max-letter-bytes N     largest inbound letter stored                          ECMS_AGENCY_MAX_LETTER_BYTES
          --static-config          the configure action answers not-supported             ECMS_AGENCY_STATIC_CONFIG=true
          --timer-only-polling     the poll action answers not-supported                  ECMS_AGENCY_TIMER_ONLY_POLLING=true
          --list-faults            print the fault switches and exit
          --help                   print this text and exit
        Without --ecms-endpoint/--organization-id the agency waits for the control API's configure action.
        """;

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["--port"] = "ECMS_AGENCY_PORT",
        ["--ecms-endpoint"] = "ECMS_ENDPOINT",
        ["--organization-id"] = "ECMS_ORGANIZATION_ID",
        ["--data"] = "ECMS_AGENCY_DATA",
        ["--fault"] = "ECMS_AGENCY_FAULTS",
        ["--poll-interval"] = "ECMS_AGENCY_POLL_INTERVAL",
        ["--batch-limit"] = "ECMS_AGENCY_BATCH_LIMIT",
        ["--hub-timeout"] = "ECMS_AGENCY_HUB_TIMEOUT",
        ["--max-letter-bytes"] = "ECMS_AGENCY_MAX_LETTER_BYTES",
        ["--static-config"] = "ECMS_AGENCY_STATIC_CONFIG",
        ["--timer-only-polling"] = "ECMS_AGENCY_TIMER_ONLY_POLLING",
    };

    private static readonly HashSet<string> Switches = ["--static-config", "--timer-only-polling"];

    /// <summary>The options, or the error message (or help text, with <paramref name="exitEarly"/>).</summary>
    public static (ReferenceAgencyOptions? Options, string? Error) Parse(
        IReadOnlyList<string> args, Func<string, string?> environment, out string? exitEarly)
    {
        exitEarly = null;
        var values = new Dictionary<string, List<string>>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                exitEarly = Usage;
                return (null, null);
            }

            if (arg == "--list-faults")
            {
                exitEarly = string.Join(System.Environment.NewLine, FaultCatalogue.All.Select(f => $"{f.Name,-28} {f.DescriptionEn}"));
                return (null, null);
            }

            var (name, inline) = arg.Split('=', 2) is [var n, var v] ? (n, v) : (arg, null);
            if (!Environment.ContainsKey(name))
            {
                return Fail($"Unknown option \"{arg}\". Fix: see --help for the options.");
            }

            string value;
            if (Switches.Contains(name))
            {
                value = inline ?? "true";
            }
            else if (inline is not null)
            {
                value = inline;
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                return Fail($"Option {name} needs a value. Fix: e.g. {name} {Example(name)}.");
            }

            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            list.Add(value);
        }

        string? Get(string name) =>
            values.TryGetValue(name, out var list) ? list[^1] : environment(Environment[name]) is { Length: > 0 } env ? env : null;

        var options = new ReferenceAgencyOptions { Port = 5080, DataPath = "agency.db" };
        if (Get("--port") is { } port)
        {
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return Fail($"Port \"{port}\" is not a number. Fix: --port 5080 (or ECMS_AGENCY_PORT=5080).");
            }

            options = options with { Port = number };
        }

        var endpoint = Get("--ecms-endpoint");
        if (endpoint is not null && OptionsValidation.EndpointProblem(endpoint) is { } endpointProblem)
        {
            return Fail(endpointProblem);
        }

        options = options with
        {
            EcmsEndpoint = endpoint is null ? null : new Uri(endpoint),
            OrganizationId = Get("--organization-id"),
            DataPath = Get("--data") ?? options.DataPath,
            StaticConfiguration = Flag(Get("--static-config")),
            TimerOnlyPolling = Flag(Get("--timer-only-polling")),
        };

        var faultNames = values.TryGetValue("--fault", out var given)
            ? given.SelectMany(SplitList)
            : SplitList(environment(Environment["--fault"]) ?? "");
        var faults = new HashSet<AgencyFault>();
        foreach (var name in faultNames)
        {
            if (!FaultCatalogue.TryParse(name, out var fault))
            {
                return Fail($"Unknown fault \"{name}\". Fix: use one of {string.Join(", ", FaultCatalogue.Names)} (--list-faults describes them).");
            }

            faults.Add(fault);
        }

        options = options with { Faults = faults };
        if (Get("--poll-interval") is { } interval)
        {
            if (!TryPositiveSeconds(interval, out var seconds))
            {
                return Fail($"Poll interval \"{interval}\" is not a number of seconds. Fix: e.g. --poll-interval 30.");
            }

            options = options with { PollInterval = seconds };
        }

        if (Get("--hub-timeout") is { } timeout)
        {
            if (!TryPositiveSeconds(timeout, out var seconds))
            {
                return Fail($"Hub timeout \"{timeout}\" is not a number of seconds. Fix: e.g. --hub-timeout 30.");
            }

            options = options with { HubTimeout = seconds };
        }

        if (Get("--batch-limit") is { } batch)
        {
            if (!int.TryParse(batch, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
            {
                return Fail($"Batch limit \"{batch}\" is not a whole number. Fix: e.g. --batch-limit 100.");
            }

            options = options with { BatchLimit = limit };
        }

        if (Get("--max-letter-bytes") is { } max)
        {
            if (!long.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
            {
                return Fail($"Largest letter \"{max}\" is not a whole number of bytes. Fix: e.g. --max-letter-bytes 31457280.");
            }

            options = options with { MaxInboundLetterBytes = bytes };
        }

        options = options with { Logging = logging => logging.AddSimpleConsole(console => console.SingleLine = true).AddFilter("Microsoft.AspNetCore", LogLevel.Warning) };
        return OptionsValidation.FirstProblem(options) is { } problem ? Fail(problem) : (options, null);
    }

    private static bool Flag(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("yes", StringComparison.OrdinalIgnoreCase));

    private static bool TryPositiveSeconds(string text, out TimeSpan value)
    {
        var ok = double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < 86_400;
        value = ok ? TimeSpan.FromSeconds(seconds) : default;
        return ok;
    }

    private static IEnumerable<string> SplitList(string list) =>
        list.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Example(string name) => name switch
    {
        "--port" => "5080",
        "--ecms-endpoint" => "http://127.0.0.1:41234/9900100000/ecms-ws01/service2",
        "--organization-id" => "9900100000",
        "--data" => "./agency.db",
        "--fault" => "buddhist-era-dates",
        "--max-letter-bytes" => "31457280",
        "--batch-limit" => "100",
        _ => "30",
    };

    private static (ReferenceAgencyOptions?, string?) Fail(string message) => (null, message);
}
