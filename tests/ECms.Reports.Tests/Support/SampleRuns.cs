using ECms.Reports.Model;
using Microsoft.Extensions.Time.Testing;

namespace ECms.Reports.Tests.Support;

/// <summary>
/// Runs as the suite will record them: a certification with every verdict, one where the SUT died part-way, and one
/// where strangers' text tries to break out of the page. Times come from a fake hub clock; IDs are fixed.
/// </summary>
internal static class SampleRuns
{
    public static readonly DateTimeOffset Start = new(2024, 6, 11, 9, 30, 0, TimeSpan.FromHours(7));

    public static SuiteInfo Suite { get; } = new() { Name = "ecms-conformance", Version = "0.1.0", SpecVersion = "ecms2-protocol 2024-06 / checklist A1–F7" };

    public static SutInfo Sut { get; } = new()
    {
        Name = "ระบบสารบรรณอ้างอิง (Reference Agency)",
        Product = "ECms.ReferenceAgency",
        OrganizationId = Soap.SutOrg,
        Version = "0.1.0",
        Driver = "embedded",
    };

    public static ProfileInfo Profile { get; } = new()
    {
        Name = "reference-agency",
        Path = "profiles/reference-agency.json",
        Sha256 = "5a0c3a36a4f3f0c5f5c6d09e4dd7b1d0b7c6f6b2a3e8a9e0f1d2c3b4a5968778",
        HubStrictness = "strict",
    };

    public static RunReport Certification()
    {
        var journal = new Journal(Start);
        var send = journal.Add(Soap.SutOrg, Soap.SutEndpoint, "CorrespondenceLetterOutboundRequest", Soap.SendLetter(), 200, Soap.Accepted("Q7M2K9D4R1T8"), to: Soap.PeerEndpoint);
        var peerPull = journal.Add(Soap.PeerOrg, Soap.PeerEndpoint, "CorrespondenceLetterInboundRequest", Soap.Pull(Soap.PeerEndpoint, "mid://pull-b-1"), 200, Soap.PulledLetter("B1X0000000041"));
        var peerDelete = journal.Add(Soap.PeerOrg, Soap.PeerEndpoint, "CorrespondenceLetterDeleteRequest", Soap.Delete(Soap.PeerEndpoint, "B1X0000000041"), 200, Soap.Deleted("B1X0000000041"));
        var ack = journal.Add(Soap.PeerOrg, Soap.PeerEndpoint, "CorrespondenceLetterOutboundRequest", Soap.ReceiveNotifier(), 200, Soap.Accepted("R5T0000000102"), to: Soap.SutEndpoint);
        var badCode = journal.Add(Soap.SutOrg, Soap.SutEndpoint, "CorrespondenceLetterOutboundRequest", Soap.SendLetter(secretCode: "ลับ"), 500,
            Soap.Fault("E110", "SecretCode ต้องเป็นรหัส 3 หลัก / SecretCode must be a 3-digit code"), to: Soap.PeerEndpoint) with
        {
            Rejected = true,
            Errors = [new ExchangeError("E110", "SecretCode ต้องเป็นรหัส 3 หลัก / SecretCode must be a 3-digit code")],
            Findings = [SecretCodeFinding],
        };
        journal.Replace(badCode);
        var beDate = journal.Add(Soap.SutOrg, Soap.SutEndpoint, "CorrespondenceLetterOutboundRequest", Soap.SendLetter(date: "2567-06-11"), 200, Soap.Accepted("Q7M2K9D4R1T9"), to: Soap.PeerEndpoint);
        var outage = journal.Add(Soap.SutOrg, Soap.SutEndpoint, "CorrespondenceLetterInboundRequest", Soap.Pull(Soap.SutEndpoint, "mid://pull-a-1"), 503, "Service Unavailable") with
        {
            InjectedFault = "http-503",
            ContentType = "text/xml; charset=utf-8",
        };
        journal.Replace(outage);

        return new RunReport
        {
            Suite = Suite,
            Sut = Sut,
            Profile = Profile,
            Verdict = RunVerdict.Failed,
            Started = Start,
            Finished = journal.Now,
            DurationMs = (long)(journal.Now - Start).TotalMilliseconds,
            // Deliberately not in checklist order: the renderers must sort (C10 after C3, not after C1).
            Items =
            [
                Item("C10", "การส่งหนังสือซ้ำ", "Duplicate send", "S", Verdict.Passed, ["R-SEND-DUP", "§6.2"], "The SUT blocked the duplicate letter locally."),
                Item("A1", "เชื่อมต่อกับปลายทางของตนเอง", "Connects to its own endpoint", "S/R", Verdict.Passed, ["R-ENV-4", "R-ENV-8", "§1.2"],
                    "Every request went to the SUT's own endpoint.", evidence: [send.Id]),
                Item("A2", "ซองข้อความ SOAP 1.1, UTF-8, ข้อความภาษาไทยครบถ้วน", "SOAP 1.1 envelope, UTF-8, Thai text intact", "S/R", Verdict.Passed,
                    ["R-ENV-0", "R-ENV-7", "R-SEND-TXT"], "The subject arrived byte-for-byte as typed, & escaped.", evidence: [send.Id]),
                Item("A6", "ศูนย์กลางไม่พร้อมให้บริการ / หมดเวลา", "Hub unavailable / timeout", "S/R", Verdict.Passed, ["§1.3", "R-SEND-DUP"],
                    "The SUT reported the outage and retried once the hub recovered.", evidence: [outage.Id]),
                Item("A3", "ส่วนหัว WS-Addressing", "WS-Addressing headers", "S/R", Verdict.Warning, ["R-ENV-1", "R-ENV-2", "R-ENV-3"],
                    "wsa:MessageID values are unique but not in URI form.", expected: "each wsa:MessageID is a URI",
                    actual: "2 of 5 MessageIDs were plain numbers", hint: "Prefix generated IDs with a scheme such as urn:uuid: or mid://.",
                    level: RequirementLevel.Should),
                Item("B1", "สารบบหน่วยงาน", "Organisation directory", "D", Verdict.Passed, ["R-DIR-1"], "GetOrganizationList issued; PEER selectable."),
                Item("B4", "ชนิดไฟล์ (MIME)", "MIME types", "D", Verdict.NotApplicable, ["R-DIR-2", "R-SEND-ATT"],
                    "The profile declares that this SUT attaches PDF files only."),
                Item("C1", "ส่งหนังสือที่ถูกต้องขั้นต่ำ", "Send a minimal valid letter", "S", Verdict.Passed, ["R-SEND-1", "R-SEND-MAIN", "R-ENV-3"],
                    "One valid letter reached PEER; the SUT stored ProcessID Q7M2K9D4R1T8.", evidence: [send.Id, peerPull.Id, peerDelete.Id]),
                Item("C3", "การแปลงชั้นความลับและชั้นความเร็ว", "Classification and urgency mapping", "S", Verdict.Failed, ["R-SEND-5", "R-SEND-6"],
                    "The SUT sent the Thai label instead of the code for ลับ.", expected: "SecretCode 002 for ลับ (3 digits, §8.2)",
                    actual: "SecretCode \"ลับ\"; the hub answered E110",
                    hint: "Map the secret levels to the served codes 001–004 before writing the letter; never send the label.",
                    findings: [SecretCodeFinding], evidence: [badCode.Id]),
                Item("C12", "การตอบรับว่าได้รับหนังสือ", "Receive acknowledgement", "S", Verdict.Passed, ["R-PULL-2", "R-PULL-3", "R-NTF-ECHO"],
                    "The SUT pulled the acknowledgement and deleted the queue item.", evidence: [ack.Id]),
                Item("D7", "เลขรับซ้ำ", "Duplicate receipt number", "R", Verdict.NotTested, ["R-NTF-ACC"],
                    "No scenario yet: needs an operator to type a used receipt number (manual mode only)."),
                Item("E6", "ปีพุทธศักราชในช่องวันที่", "Buddhist-Era year in any date field", "S/R", Verdict.Failed, ["R-SEND-3"],
                    "A letter carried CorrespondenceDate 2567-06-11 (Buddhist era) on the wire.", expected: "Gregorian dates (2024-06-11) on the wire",
                    actual: "CorrespondenceDate 2567-06-11",
                    hint: "Subtract 543 from Buddhist-era years before writing dates; the UI may show พ.ศ., the wire never does.",
                    findings:
                    [
                        new FindingRecord
                        {
                            Rule = "R-SEND-3",
                            Level = RequirementLevel.Must,
                            Message = new LocalizedText("วันที่ต้องเป็นปีคริสต์ศักราช พบปี 2567", "Dates must use the Gregorian year; found 2567."),
                            Path = "/SOAP-ENV:Envelope/SOAP-ENV:Body/CorrespondenceLetterOutboundRequest/rsm:GovernmentDocument/ram:CorrespondenceLetter/ram:CorrespondenceDate",
                            Value = "2567-06-11",
                        },
                    ],
                    evidence: [beDate.Id]),
                Item("F1", "วงจรครบ ระบบที่ทดสอบเป็นผู้ส่ง", "Full cycle, SUT as sender", "S", Verdict.Passed, ["§6.1"],
                    "The SUT showed receipt number รับ 2567/04512 within the timeout.", evidence: [send.Id, peerPull.Id, peerDelete.Id, ack.Id]),
            ],
            ExpectedDeviations =
            [
                new DeviationOutcome { Id = "C3", Reason = "Known defect VND-1432: secret levels sent as labels.", StillFails = true },
                new DeviationOutcome { Id = "A3", Reason = "MessageIDs were numeric before release 4.2.", StillFails = false },
            ],
            Exchanges = journal.Entries,
        };
    }

    /// <summary>The SUT was killed after the first send: later items are Error, evidence points at nothing, fields are null.</summary>
    public static RunReport SutDiedMidway()
    {
        var journal = new Journal(Start);
        var send = journal.Add(Soap.SutOrg, Soap.SutEndpoint, "CorrespondenceLetterOutboundRequest", Soap.SendLetter(), 200, Soap.Accepted("Q7M2K9D4R1T8"), to: Soap.PeerEndpoint);
        var cut = journal.Add(Soap.SutOrg, Soap.SutEndpoint, null, "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Bo", null, null) with
        {
            Errors = [new ExchangeError(null, "The connection closed after 61 bytes of the request.")],
        };
        journal.Replace(cut);

        return new RunReport
        {
            Suite = Suite,
            Sut = new SutInfo { OrganizationId = Soap.SutOrg, Driver = "control-api" },
            Profile = null,
            Verdict = RunVerdict.Error,
            Started = Start,
            Finished = null,
            DurationMs = null,
            Items =
            [
                Item("A1", "เชื่อมต่อกับปลายทางของตนเอง", "Connects to its own endpoint", "S/R", Verdict.Passed, ["R-ENV-4"], "Requests went to the SUT's own endpoint.", evidence: [send.Id]),
                Item("C1", "ส่งหนังสือที่ถูกต้องขั้นต่ำ", "Send a minimal valid letter", "S", Verdict.Failed, ["R-SEND-1"],
                    "The SUT did not store the ProcessID before it stopped answering.", expected: "status \"sent, awaiting acknowledgement\"",
                    actual: null, evidence: [send.Id, cut.Id, "journal-entry-that-never-arrived"]),
                Item("C12", "การตอบรับว่าได้รับหนังสือ", "Receive acknowledgement", "S", Verdict.Error, [],
                    "The SUT stopped answering (connection refused at http://127.0.0.1:5100/control/v1/health) before this item ran."),
                new ItemResult { Id = "D2", Verdict = Verdict.Error },
            ],
            Exchanges = journal.Entries,
        };
    }

    public const string HostileText = "</script><img src=x onerror=alert(1)>";

    /// <summary>Strangers' text in every field a SUT or a peer can influence.</summary>
    public static RunReport Hostile(string hostile = HostileText)
    {
        var journal = new Journal(Start);
        var send = journal.Add(Soap.SutOrg, Soap.SutEndpoint + "?" + hostile, hostile, Soap.SendLetter(subject: hostile), 500, Soap.Fault("E120", hostile), to: hostile) with
        {
            Errors = [new ExchangeError(hostile, hostile)],
            Findings = [new FindingRecord { Rule = hostile, Message = new LocalizedText(hostile, hostile), Path = hostile, Value = hostile }],
            InjectedFault = hostile,
            ContentType = hostile,
        };
        journal.Replace(send);
        var notXml = journal.Add(hostile, hostile, null, hostile + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;", 200, hostile);

        return new RunReport
        {
            Suite = Suite with { SpecVersion = hostile },
            Sut = new SutInfo { Name = hostile, Product = hostile, OrganizationId = hostile, Version = hostile, Driver = hostile },
            Profile = new ProfileInfo { Name = hostile, Path = hostile, HubStrictness = hostile, Sha256 = hostile },
            Verdict = RunVerdict.Failed,
            Started = Start,
            Finished = journal.Now,
            DurationMs = 1234,
            Items =
            [
                Item(hostile, hostile, hostile, hostile, Verdict.Failed, [hostile], hostile, hostile, hostile, hostile,
                    findings: [new FindingRecord { Rule = hostile, Message = new LocalizedText(hostile, hostile), Path = hostile, Value = hostile }],
                    evidence: [send.Id, notXml.Id, hostile]),
            ],
            ExpectedDeviations = [new DeviationOutcome { Id = hostile, Reason = hostile, StillFails = true }],
            Exchanges = journal.Entries,
        };
    }

    private static readonly FindingRecord SecretCodeFinding = new()
    {
        Rule = "R-SEND-5",
        Level = RequirementLevel.Must,
        Message = new LocalizedText("SecretCode ต้องเป็นรหัส 3 หลักจากรายการของศูนย์กลาง", "SecretCode must be a 3-digit code from the hub's list."),
        Path = "/SOAP-ENV:Envelope/SOAP-ENV:Body/CorrespondenceLetterOutboundRequest/rsm:GovernmentDocument/ram:CorrespondenceLetter/ram:SecretCode",
        Value = "ลับ",
    };

    private static ItemResult Item(
        string id, string th, string en, string role, Verdict verdict, IReadOnlyList<string> rules, string? message,
        string? expected = null, string? actual = null, string? hint = null, IReadOnlyList<FindingRecord>? findings = null,
        IReadOnlyList<string>? evidence = null, RequirementLevel level = RequirementLevel.Must) => new()
        {
            Id = id,
            Title = new LocalizedText(th, en),
            Level = level,
            Role = role,
            Verdict = verdict,
            Rules = rules,
            Message = message,
            Expected = expected,
            Actual = actual,
            Hint = hint,
            Findings = findings ?? [],
            Evidence = evidence ?? [],
            DurationMs = 150 + (id.Length * 10),
        };

    /// <summary>A hub journal in miniature: sequence numbers, IDs and arrival times from a fake hub clock.</summary>
    private sealed class Journal(DateTimeOffset start)
    {
        private readonly FakeTimeProvider _clock = new(start);

        public List<ExchangeRecord> Entries { get; } = [];

        public DateTimeOffset Now => _clock.GetUtcNow().ToOffset(start.Offset);

        public ExchangeRecord Add(string organizationId, string endpoint, string? operation, string request, int? status, string? response, string? to = null)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1250));
            var sequence = Entries.Count + 1;
            var entry = new ExchangeRecord
            {
                Id = $"9b2f0c4e-0000-4000-8000-{sequence:D12}",
                Sequence = sequence,
                Time = _clock.GetUtcNow().ToOffset(start.Offset),
                Endpoint = endpoint,
                OrganizationId = organizationId,
                AddressedTo = to,
                Operation = operation,
                HttpMethod = "POST",
                ContentType = "text/xml; charset=utf-8",
                Status = status,
                RequestBody = request,
                ResponseBody = response,
            };
            Entries.Add(entry);
            _clock.Advance(TimeSpan.FromMilliseconds(87));
            return entry;
        }

        public void Replace(ExchangeRecord entry) => Entries[Entries.FindIndex(e => e.Id == entry.Id)] = entry;
    }
}
