using ECms.ReferenceAgency;

// The standalone reference agency: dotnet run --project sut/ECms.ReferenceAgency -- --port 5080 --ecms-endpoint … (see --help).
var (options, error) = CommandLine.Parse(args, Environment.GetEnvironmentVariable, out var exitEarly);
if (exitEarly is not null)
{
    Console.WriteLine(exitEarly);
    return 0;
}

if (options is null)
{
    await Console.Error.WriteLineAsync("ECms.ReferenceAgency: " + error);
    return CommandLine.ConfigurationErrorExitCode;
}

ReferenceAgencyHost host;
try
{
    host = await ReferenceAgencyHost.StartAsync(options, standalone: true, CancellationToken.None);
}
catch (ReferenceAgencyConfigurationException ex)
{
    await Console.Error.WriteLineAsync("ECms.ReferenceAgency: " + ex.Message);
    return CommandLine.ConfigurationErrorExitCode;
}

await using (host)
{
    Console.WriteLine($"Reference agency listening: control API {host.ControlUrl} · data {host.DataLocation}"
        + (options.EcmsEndpoint is null ? " · not configured yet (POST actions/configure)" : $" · e-CMS endpoint {options.EcmsEndpoint}")
        + (options.Faults.Count == 0 ? "" : " · faults: " + string.Join(", ", options.Faults.Select(ECms.ReferenceAgency.Faults.FaultCatalogue.NameOf))));
    await host.WaitForShutdownAsync();
}

return 0;
