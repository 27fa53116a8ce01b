using System.Collections.Frozen;
using ECms.Protocol.Messages;

namespace ECms.Simulators.Errors;

/// <summary>
/// The code and text the hub writes for each <see cref="HubErrorKind"/> (spec §9.2). No official codes are public, so
/// the mapping is data: a profile that knows better replaces entries with <see cref="With"/>.
/// </summary>
public sealed class ErrorCatalog
{
    private readonly FrozenDictionary<HubErrorKind, ErrorDetail> _entries;

    public ErrorCatalog(IReadOnlyDictionary<HubErrorKind, ErrorDetail> entries)
    {
        var missing = Enum.GetValues<HubErrorKind>().Where(k => !entries.ContainsKey(k)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"The error catalogue has no entry for {string.Join(", ", missing)}.", nameof(entries));
        }

        _entries = entries.ToFrozenDictionary();
    }

    public static ErrorCatalog Default { get; } = new(new Dictionary<HubErrorKind, ErrorDetail>
    {
        [HubErrorKind.MalformedRequest] = new("E100", "ข้อความไม่ใช่ SOAP 1.1 ที่ถูกต้อง / malformed XML, not a SOAP 1.1 envelope or unknown operation"),
        [HubErrorKind.SchemaViolation] = new("E110", "โครงสร้างข้อความไม่ถูกต้อง / schema violation"),
        [HubErrorKind.InvalidValue] = new("E120", "รูปแบบข้อมูลไม่ถูกต้อง / invalid value format"),
        [HubErrorKind.MainLetterMissing] = new("E130", "ไม่มีหนังสือนำหรือหนังสือนำว่าง / main letter missing or empty"),
        [HubErrorKind.UnknownSender] = new("E200", "ไม่รู้จักหน่วยงานผู้ส่ง / unknown sender organisation or sender is not the endpoint's owner"),
        [HubErrorKind.UnknownReceiver] = new("E210", "ไม่รู้จักหน่วยงานผู้รับ / unknown receiver organisation or wsa:To mismatch"),
        [HubErrorKind.DuplicateLetter] = new("E300", "มีหนังสือฉบับนี้อยู่ในระบบแล้ว / duplicate active letter"),
        [HubErrorKind.LetterNotFound] = new("E310", "ไม่พบหนังสือ / letter not found"),
        [HubErrorKind.TransitionNotAllowed] = new("E320", "สถานะของหนังสือไม่อนุญาตให้ดำเนินการนี้ / state transition not allowed"),
        [HubErrorKind.NotAParty] = new("E330", "หน่วยงานไม่ใช่คู่ของหนังสือนี้ / caller is not a party or has the wrong role"),
        [HubErrorKind.UnknownProcessId] = new("E400", "ไม่พบ ProcessID ในคิวของหน่วยงาน / ProcessID unknown or not in the caller's queue"),
        [HubErrorKind.SimulatedOutage] = new("E900", "ระบบขัดข้อง / internal error or simulated outage"),
    });

    public IReadOnlyDictionary<HubErrorKind, ErrorDetail> Entries => _entries;

    public ErrorDetail this[HubErrorKind kind] => _entries[kind];

    public ErrorCatalog With(HubErrorKind kind, string code, string description)
    {
        var entries = _entries.ToDictionary();
        entries[kind] = new ErrorDetail(code, description);
        return new ErrorCatalog(entries);
    }
}
