using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ECms.Conformance.Steps.Checklist;
using ECms.Protocol.Rules;
using ECms.ReferenceAgency.Faults;

namespace ECms.Conformance.Steps.Profiles;

/// <summary>
/// Reads profiles/*.json into a <see cref="RunProfile"/>. Every mistake is reported with the file, the JSON path of the
/// field and the fix, because the person reading it is a certifier setting up a run, not the author of this code.
/// Unknown fields are errors: a misspelt "expectedDeviation" would otherwise silently certify a failing SUT.
/// </summary>
public static partial class ProfileLoader
{
    /// <summary>The environment variable `dotnet test` reads the profile path from.</summary>
    public const string ProfileVariable = "ECMS_PROFILE";

    public const string DefaultProfileName = "reference-agency.json";

    private const string DefaultResource = "profiles/reference-agency.json";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>profiles/reference-agency.json as shipped inside the suite: the embedded reference agency.</summary>
    public static RunProfile Default
    {
        get
        {
            using var stream = typeof(ProfileLoader).Assembly.GetManifestResourceStream(DefaultResource)
                ?? throw new InvalidOperationException($"The suite assembly lacks its default profile resource {DefaultResource}.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return Parse(buffer.ToArray(), DefaultProfileName);
        }
    }

    /// <exception cref="ProfileException">The file is missing or not a valid profile; the message names the fix.</exception>
    public static RunProfile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ProfileException($"Profile \"{path}\" does not exist (looked at {full}). Fix: give the path of a profile file, e.g. profiles/{DefaultProfileName}.");
        }

        return Parse(File.ReadAllBytes(full), path) with { SourcePath = path };
    }

    /// <summary>
    /// The profile `dotnet test` uses: the file named by ECMS_PROFILE (relative to the current directory, else to the
    /// test assembly), or the default profile when the variable is unset.
    /// </summary>
    public static RunProfile FromEnvironment()
    {
        var path = Environment.GetEnvironmentVariable(ProfileVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return Default;
        }

        var besideAssembly = Path.Combine(AppContext.BaseDirectory, path);
        return Load(File.Exists(path) || !File.Exists(besideAssembly) ? path : besideAssembly);
    }

    public static RunProfile Parse(ReadOnlySpan<byte> json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new ProfileException($"Profile {source} is not valid JSON: {ex.Message} Fix: correct the JSON syntax (line {ex.LineNumber + 1}).", ex);
        }

        using (document)
        {
            var reader = new Reader(source);
            var profile = reader.Read(document.RootElement);
            return profile with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(json)) };
        }
    }

    [GeneratedRegex("^[0-9]{10}$")]
    private static partial Regex OrganizationCode();

    private sealed class Reader(string source)
    {
        public RunProfile Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Problem("$", "must be a JSON object", "start the file with { \"name\": …, \"sut\": { … } }");
            }

            Known(root, "$", "name", "description", "sut", "hub", "peers", "timeouts", "expectedDeviations", "notApplicable");
            var sut = Required(root, "sut", "$", JsonValueKind.Object, "add \"sut\": { \"organizationId\": \"9900100000\", \"driver\": \"embedded\" }");
            Known(sut, "sut", "organizationId", "driver", "controlUrl", "faults", "name", "image", "environment", "startupSeconds");

            var driver = Driver(sut);
            var controlUrl = ControlUrl(sut, driver);
            var faults = Faults(sut, driver);
            var hub = Optional(root, "hub", "$", JsonValueKind.Object);
            var peers = Optional(root, "peers", "$", JsonValueKind.Object);
            var timeouts = Optional(root, "timeouts", "$", JsonValueKind.Object);
            if (hub is { } h)
            {
                Known(h, "hub", "strictness", "port");
            }

            if (peers is { } p)
            {
                Known(p, "peers", "peer", "secondPeer", "unknown");
            }

            if (timeouts is { } t)
            {
                Known(t, "timeouts", "stepSeconds", "manualStepSeconds");
            }

            var profile = new RunProfile
            {
                Name = Text(root, "name", "$") ?? throw Problem("$.name", "is missing", "give the profile a short name, e.g. \"name\": \"my-saraban-ci\""),
                Description = Text(root, "description", "$"),
                OrganizationId = Organization(sut, "organizationId", "sut", required: true)!,
                SutName = Text(sut, "name", "sut"),
                Driver = driver,
                ControlUrl = controlUrl,
                Faults = faults,
                Image = Image(sut, driver),
                Environment = Environment(sut, driver),
                StartupTimeout = Seconds(sut, "startupSeconds", "sut") ?? TimeSpan.FromSeconds(60),
                HubStrictness = Strictness(hub),
                HubPort = Port(hub),
                PeerOrganizationId = Organization(peers, "peer", "peers", required: false) ?? RunProfile.DefaultPeerOrganizationId,
                SecondPeerOrganizationId = Organization(peers, "secondPeer", "peers", required: false) ?? RunProfile.DefaultSecondPeerOrganizationId,
                UnknownOrganizationId = Organization(peers, "unknown", "peers", required: false) ?? RunProfile.DefaultUnknownOrganizationId,
                StepTimeout = Seconds(timeouts, "stepSeconds") ?? TimeSpan.FromSeconds(10),
                ManualStepTimeout = Seconds(timeouts, "manualStepSeconds") ?? TimeSpan.FromMinutes(5),
                ExpectedDeviations = Notes(root, "expectedDeviations"),
                NotApplicable = Notes(root, "notApplicable"),
            };

            var distinct = new[] { profile.OrganizationId, profile.PeerOrganizationId, profile.SecondPeerOrganizationId, profile.UnknownOrganizationId };
            if (distinct.Distinct(StringComparer.Ordinal).Count() != distinct.Length)
            {
                throw Problem("sut.organizationId / peers", "use the same organisation code twice", "give the SUT, the two peers and the unknown organisation four different codes");
            }

            var both = profile.ExpectedDeviations.Select(d => d.Id).Intersect(profile.NotApplicable.Select(n => n.Id)).ToArray();
            if (both.Length > 0)
            {
                throw Problem("expectedDeviations / notApplicable", $"both name {string.Join(", ", both)}", "an item either does not apply or is allowed to fail; keep it in one list");
            }

            return profile;
        }

        private static SutDriverKind ParseDriver(string? value) => value switch
        {
            null or "embedded" => SutDriverKind.Embedded,
            "control-api" => SutDriverKind.ControlApi,
            "manual" => SutDriverKind.Manual,
            "container" => SutDriverKind.Container,
            _ => (SutDriverKind)(-1),
        };

        private SutDriverKind Driver(JsonElement sut)
        {
            var text = Text(sut, "driver", "sut");
            var driver = ParseDriver(text);
            if ((int)driver < 0)
            {
                throw Problem("sut.driver", $"is \"{text}\"", "use \"embedded\" (the reference agency in-process), \"control-api\" (with sut.controlUrl), \"container\" (with sut.image) or \"manual\" (an operator)");
            }

            return driver;
        }

        private Uri? ControlUrl(JsonElement sut, SutDriverKind driver)
        {
            var text = Text(sut, "controlUrl", "sut");
            if (text is null)
            {
                return driver == SutDriverKind.ControlApi
                    ? throw Problem("sut.controlUrl", "is missing but sut.driver is \"control-api\"", "give the SUT's control API base, e.g. \"controlUrl\": \"http://127.0.0.1:5080/ecms-test/v1/\"")
                    : null;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw Problem("sut.controlUrl", $"is \"{text}\", not an absolute http(s) URL", "write it like http://127.0.0.1:5080/ecms-test/v1/");
            }

            if (driver != SutDriverKind.ControlApi)
            {
                throw Problem("sut.controlUrl", $"is set but sut.driver is \"{DriverName(driver)}\"", "remove controlUrl, or set \"driver\": \"control-api\"");
            }

            // A base URL without a trailing slash would lose its last segment when actions are resolved against it.
            return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        }

        private string? Image(JsonElement sut, SutDriverKind driver)
        {
            var image = Text(sut, "image", "sut");
            return (image, driver) switch
            {
                (null, SutDriverKind.Container) => throw Problem("sut.image", "is missing but sut.driver is \"container\"",
                    "name the local image, e.g. \"image\": \"ecms-reference-agency:dev\" (build it with bash eng/build-agency-image.sh)"),
                (not null, not SutDriverKind.Container) => throw Problem("sut.image", $"is set but sut.driver is \"{DriverName(driver)}\"",
                    "remove image, or set \"driver\": \"container\""),
                _ => image,
            };
        }

        private Dictionary<string, string> Environment(JsonElement sut, SutDriverKind driver)
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Optional(sut, "environment", "sut", JsonValueKind.Object) is not { } values)
            {
                return environment;
            }

            if (driver != SutDriverKind.Container)
            {
                throw Problem("sut.environment", $"is set but sut.driver is \"{DriverName(driver)}\"", "remove environment, or set \"driver\": \"container\"");
            }

            foreach (var variable in values.EnumerateObject())
            {
                if (variable.Value.ValueKind != JsonValueKind.String)
                {
                    throw Problem($"sut.environment.{variable.Name}", $"is {variable.Value.GetRawText()}", "give every variable a string value");
                }

                environment[variable.Name] = variable.Value.GetString()!;
            }

            return environment;
        }

        private List<string> Faults(JsonElement sut, SutDriverKind driver)
        {
            var faults = Optional(sut, "faults", "sut", JsonValueKind.Array);
            if (faults is not { } array || array.GetArrayLength() == 0)
            {
                return [];
            }

            if (driver != SutDriverKind.Embedded)
            {
                throw Problem("sut.faults", $"is set but sut.driver is \"{DriverName(driver)}\"", "fault switches exist only in the embedded reference agency; remove \"faults\"");
            }

            var names = new List<string>();
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var name = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                if (!FaultCatalogue.TryParse(name, out var fault))
                {
                    throw Problem($"sut.faults[{index}]", $"is {item.GetRawText()}, not a reference-agency fault", $"use one of: {string.Join(", ", FaultCatalogue.Names)}");
                }

                names.Add(FaultCatalogue.NameOf(fault));
                index++;
            }

            return names;
        }

        private ValidationProfile Strictness(JsonElement? hub)
        {
            var text = hub is { } h ? Text(h, "strictness", "hub") : null;
            return text switch
            {
                null or "strict" => ValidationProfile.Strict,
                "lenient" => ValidationProfile.Lenient,
                _ => throw Problem("hub.strictness", $"is \"{text}\"", "use \"strict\" (certification) or \"lenient\" (as the real hub behaves as far as known)"),
            };
        }

        private int Port(JsonElement? hub)
        {
            if (hub is not { } h || !h.TryGetProperty("port", out var port))
            {
                return 0;
            }

            if (port.ValueKind != JsonValueKind.Number || !port.TryGetInt32(out var value) || value is < 0 or > 65535)
            {
                throw Problem("hub.port", $"is {port.GetRawText()}", "give a port number from 1 to 65535, or 0 (the default) for any free port");
            }

            return value;
        }

        private TimeSpan? Seconds(JsonElement? timeouts, string name, string path = "timeouts")
        {
            if (timeouts is not { } t || !t.TryGetProperty(name, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds) || seconds <= 0 || seconds > 86_400)
            {
                throw Problem($"{path}.{name}", $"is {value.GetRawText()}", "give a number of seconds greater than 0, e.g. 10");
            }

            return TimeSpan.FromSeconds(seconds);
        }

        private string? Organization(JsonElement? parent, string name, string path, bool required)
        {
            var text = parent is { } p ? Text(p, name, path) : null;
            if (text is null)
            {
                return required
                    ? throw Problem($"{path}.{name}", "is missing", "give the 10-digit e-CMS organisation code, e.g. \"9900100000\"")
                    : null;
            }

            if (!OrganizationCode().IsMatch(text))
            {
                throw Problem($"{path}.{name}", $"is \"{text}\"", "an e-CMS 2.0 organisation code has exactly 10 digits, e.g. \"9900100000\"");
            }

            return text;
        }

        private List<ItemNote> Notes(JsonElement root, string name)
        {
            var array = Optional(root, name, "$", JsonValueKind.Array);
            if (array is not { } items)
            {
                return [];
            }

            var known = ChecklistCatalog.Standard;
            var notes = new List<ItemNote>();
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                var path = $"{name}[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw Problem(path, $"is {item.GetRawText()}", "write each entry as { \"id\": \"C5\", \"reason\": \"why\" }");
                }

                Known(item, path, "id", "reason");
                var id = Text(item, "id", path) ?? throw Problem($"{path}.id", "is missing", "name the checklist item, e.g. \"id\": \"C5\"");
                if (known.Find(id) is null)
                {
                    throw Problem($"{path}.id", $"is \"{id}\", not a checklist item", "use an ID from features/checklist.csv (A1…F7)");
                }

                var reason = Text(item, "reason", path);
                if (string.IsNullOrWhiteSpace(reason))
                {
                    throw Problem($"{path}.reason", "is missing", "say why, in a sentence a certifier can check (it is printed in the report)");
                }

                if (notes.Any(n => n.Id == id))
                {
                    throw Problem($"{path}.id", $"names {id} a second time", "list each item once");
                }

                notes.Add(new ItemNote(id, reason));
            }

            return notes;
        }

        private string? Text(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw Problem($"{path}.{name}", $"is {value.GetRawText()}, not a string", "put the value in double quotes");
        }

        private JsonElement Required(JsonElement parent, string name, string path, JsonValueKind kind, string fix) =>
            Optional(parent, name, path, kind) ?? throw Problem($"{path}.{name}".Replace("$.", "", StringComparison.Ordinal), "is missing", fix);

        private JsonElement? Optional(JsonElement parent, string name, string path, JsonValueKind kind)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var field = path == "$" ? name : $"{path}.{name}";
            return value.ValueKind == kind
                ? value
                : throw Problem(field, $"is {Describe(value.ValueKind)}", $"make it {Describe(kind)}");
        }

        private void Known(JsonElement element, string path, params string[] names)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!names.Contains(property.Name, StringComparer.Ordinal))
                {
                    var field = path == "$" ? property.Name : $"{path}.{property.Name}";
                    throw Problem(field, "is not a profile field", $"remove it or correct its spelling; the fields here are {string.Join(", ", names)}");
                }
            }
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object { … }",
            JsonValueKind.Array => "a list [ … ]",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => kind.ToString().ToLowerInvariant(),
        };

        private static string DriverName(SutDriverKind driver) => driver switch
        {
            SutDriverKind.ControlApi => "control-api",
            _ => driver.ToString().ToLowerInvariant(),
        };

        private ProfileException Problem(string field, string what, string fix) =>
            new(new StringBuilder().Append("Profile ").Append(source).Append(": ").Append(field).Append(' ').Append(what)
                .Append(". Fix: ").Append(fix).Append('.').ToString());
    }
}
