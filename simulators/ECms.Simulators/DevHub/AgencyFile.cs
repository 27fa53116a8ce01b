using System.Text.Json;
using ECms.Simulators.Hub;

namespace ECms.Simulators.DevHub;

/// <summary>
/// The agencies a dev hub connects at start-up, from a JSON file:
/// <c>[{ "organizationId": "9900100000", "thaiName": "หน่วยงานเอ", "englishName": "Agency A", "ministryId": "99", "simulate": "cooperative" }]</c>.
/// <c>simulate</c> (optional) makes the hub play that agency itself: passive, cooperative, rejecting or reporting-invalid.
/// </summary>
public static class AgencyFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 8,
    };

    public static IReadOnlyList<AgencyEntry> Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length > 4 * 1024 * 1024)
            {
                throw new DevHubConfigurationException($"The agencies file {path} is over 4 MB; it should list agencies, nothing else.");
            }

            var entries = JsonSerializer.Deserialize<List<AgencyEntry>>(stream, Json)
                ?? throw new DevHubConfigurationException($"The agencies file {path} holds null; expected a JSON array of agencies.");
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i] is not { OrganizationId.Length: > 0, ThaiName.Length: > 0, EnglishName.Length: > 0 })
                {
                    throw new DevHubConfigurationException(
                        $"Agency #{i + 1} in {path} needs organizationId, thaiName and englishName.");
                }

                if (entries[i].Simulate is { } simulate && PeerBehaviours.Find(simulate) is null)
                {
                    throw new DevHubConfigurationException(
                        $"Agency {entries[i].OrganizationId} in {path}: simulate \"{simulate}\" is not one of {string.Join(", ", PeerBehaviours.Names)}.");
                }
            }

            return entries;
        }
        catch (JsonException ex)
        {
            // The serializer's own message names .NET types; say what the file must look like instead.
            var where = ex.LineNumber is { } line ? $" at line {line + 1}{(string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" ({ex.Path})")}" : "";
            throw new DevHubConfigurationException(
                $"The agencies file {path} is not a JSON array of agencies{where}. Fix: write it as " +
                "[{\"organizationId\": \"9900100000\", \"thaiName\": \"…\", \"englishName\": \"…\"}, …] (docs/dev-hub.md).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DevHubConfigurationException($"The agencies file {path} cannot be read: {ex.Message}", ex);
        }
    }
}

/// <summary>One agency of an agencies file.</summary>
public sealed record AgencyEntry(string OrganizationId, string ThaiName, string EnglishName)
{
    public string? MinistryId { get; init; }

    /// <summary>Null: a real system connects. Otherwise the hub runs a simulated peer agency with this behaviour.</summary>
    public string? Simulate { get; init; }

    public AgencyRegistration ToRegistration() => new(OrganizationId, ThaiName, EnglishName) { MinistryId = MinistryId };
}
