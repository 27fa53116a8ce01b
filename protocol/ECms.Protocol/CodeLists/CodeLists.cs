using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using ECms.Protocol.Messages;

namespace ECms.Protocol.CodeLists;

/// <summary>
/// The code lists of spec §8 — secret and speed codes, MIME types and ministries — loaded from the JSON data files
/// beside this class. What a hub serves and what the rules accept are the same instance, so a scenario that removes
/// a MIME type (checklist B4) changes both.
/// </summary>
public sealed class CodeLists
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<CodeLists> StandardLists = new(() => Load(includeSecretCode005: false));

    private readonly FrozenSet<string> _secretValues;
    private readonly FrozenSet<string> _speedValues;
    private readonly FrozenSet<string> _contentTypes;
    private readonly FrozenSet<string> _ministryIds;

    public CodeLists(
        IReadOnlyList<CodeValue> secretCodes,
        IReadOnlyList<CodeValue> speedCodes,
        IReadOnlyList<MimeType> mimeTypes,
        IReadOnlyList<Ministry> ministries)
    {
        SecretCodes = secretCodes;
        SpeedCodes = speedCodes;
        MimeTypes = mimeTypes;
        Ministries = ministries;
        _secretValues = secretCodes.Select(c => c.Value).ToFrozenSet(StringComparer.Ordinal);
        _speedValues = speedCodes.Select(c => c.Value).ToFrozenSet(StringComparer.Ordinal);
        _contentTypes = mimeTypes.Select(m => m.ContentType).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _ministryIds = ministries.Select(m => m.MinistryId).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Codes 001–004 for both lists, the 15 common file types, the ministries of §8.1.</summary>
    public static CodeLists Standard => StandardLists.Value;

    public IReadOnlyList<CodeValue> SecretCodes { get; }
    public IReadOnlyList<CodeValue> SpeedCodes { get; }
    public IReadOnlyList<MimeType> MimeTypes { get; }
    public IReadOnlyList<Ministry> Ministries { get; }

    public static CodeLists Load(bool includeSecretCode005)
    {
        var secret = ReadCodes("secret-codes.json").Where(c => includeSecretCode005 || !c.Optional).Select(c => c.ToCodeValue()).ToArray();
        var speed = ReadCodes("speed-codes.json").Select(c => c.ToCodeValue()).ToArray();
        var mime = Read<MimeRow[]>("mime-types.json").Select(m => new MimeType(m.Extension, m.ContentType)).ToArray();
        var ministries = Read<MinistryRow[]>("ministries.json").Select(m => new Ministry(m.Id, m.Th, m.En)).ToArray();
        return new CodeLists(secret, speed, mime, ministries);
    }

    /// <summary>The same lists without some content types (e.g. a hub that does not serve image/gif).</summary>
    public CodeLists WithoutContentTypes(params string[] contentTypes) =>
        new(SecretCodes, SpeedCodes,
            MimeTypes.Where(m => !contentTypes.Contains(m.ContentType, StringComparer.OrdinalIgnoreCase)).ToArray(),
            Ministries);

    public bool IsSecretCode(string value) => _secretValues.Contains(value);

    public bool IsSpeedCode(string value) => _speedValues.Contains(value);

    /// <summary>Content types compare case-insensitively and ignore parameters such as "; charset=…".</summary>
    public bool IsAllowedContentType(string mimeCode)
    {
        var bare = mimeCode.Split(';', 2)[0].Trim();
        return _contentTypes.Contains(bare);
    }

    public bool IsMinistry(string ministryId) => _ministryIds.Contains(ministryId);

    public CodeValue? SecretCode(string value) => SecretCodes.FirstOrDefault(c => c.Value == value);

    public CodeValue? SpeedCode(string value) => SpeedCodes.FirstOrDefault(c => c.Value == value);

    public string? ContentTypeForExtension(string extension) =>
        MimeTypes.FirstOrDefault(m => string.Equals(m.FileExtension, extension.TrimStart('.'), StringComparison.OrdinalIgnoreCase))?.ContentType;

    private static CodeRow[] ReadCodes(string name) => Read<CodeRow[]>(name);

    private static T Read<T>(string name)
    {
        var resource = $"ECms.Protocol.CodeLists.{name}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Code list resource {resource} is missing from ECms.Protocol.");
        return JsonSerializer.Deserialize<T>(stream, Json)
            ?? throw new InvalidOperationException($"Code list resource {resource} is empty.");
    }

    private sealed record CodeRow(string Value, string Th, string En, bool Optional)
    {
        public CodeValue ToCodeValue() => new(Value, Th, En);
    }

    private sealed record MimeRow(string Extension, string ContentType);

    private sealed record MinistryRow(string Id, string Th, string En);
}
