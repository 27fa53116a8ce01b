using System.Globalization;
using ECms.Conformance.Steps.Drivers.Hub;
using ECms.Conformance.Steps.Drivers.Letters;
using ECms.Conformance.Steps.Drivers.Operators;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Journal;

namespace ECms.Conformance.Steps.Drivers.Sut;

/// <summary>
/// Manual mode: each action becomes an instruction to the operator (Thai and English, with the exact data), then the
/// harness waits for its effect on the wire or asks what the SUT's screen shows. Every answer is kept as evidence.
/// </summary>
public sealed class ManualSutDriver(IOperatorConsole console, IWireWatch wire, TimeSpan timeout, string filesDirectory) : ISutDriver
{
    private static readonly KeyValuePair<string, string>[] OutcomeChoices =
    [
        new("1", "ระบบดำเนินการสำเร็จ / the system did it"),
        new("2", "ระบบปฏิเสธเอง พร้อมข้อความ / the system refused, with a message"),
        new("3", "ระบบแสดงข้อผิดพลาดจาก e-CMS / the system showed an error from e-CMS"),
    ];

    public string Kind => "manual";

    public async Task<SutHealth> HealthAsync(CancellationToken cancellationToken)
    {
        var product = await AskAsync("health", "ระบบที่ทดสอบชื่อผลิตภัณฑ์และรุ่นใด", "Which product and version is the system under test?", [], cancellationToken).ConfigureAwait(false);
        return new SutHealth(product, null, null);
    }

    public async Task<SutActionResult> ConfigureAsync(Uri ecmsEndpoint, string organizationId, CancellationToken cancellationToken)
    {
        console.Tell(new OperatorPrompt(
            "ตั้งค่าระบบให้ใช้จุดบริการ e-CMS และรหัสหน่วยงานต่อไปนี้",
            "Set the system's e-CMS endpoint and organisation code to the following")
        {
            Data = [new("e-CMS URL", ecmsEndpoint.AbsoluteUri), new("OrganizationID / รหัสหน่วยงาน", organizationId)],
            Task = new OperatorTask("configure") { Endpoint = ecmsEndpoint, OrganizationId = organizationId },
        });
        return await OutcomeAsync("configure", cancellationToken).ConfigureAwait(false);
    }

    public async Task<SutActionResult> RefreshDirectoryAsync(CancellationToken cancellationToken)
    {
        var mark = wire.Mark;
        console.Tell(new OperatorPrompt("สั่งให้ระบบปรับปรุงข้อมูลหน่วยงานและรหัสต่าง ๆ จาก e-CMS", "Make the system refresh its organisation directory and code lists from e-CMS")
        {
            Task = new OperatorTask("refresh-directory"),
        });
        var seen = await wire.WaitForSutRequestAsync(e => e.Operation == Operation.GetOrganizationList, mark, timeout, cancellationToken).ConfigureAwait(false);
        return seen is null ? Refused($"No GetOrganizationList reached the hub within {timeout.TotalSeconds:0} s.") : Done();
    }

    public async Task<SutActionResult> SendLetterAsync(LetterRequest letter, CancellationToken cancellationToken)
    {
        var mark = wire.Mark;
        var files = WriteFiles(letter);
        console.Tell(new OperatorPrompt("สร้างหนังสือภายนอกฉบับใหม่ด้วยข้อมูลต่อไปนี้ แล้วสั่งส่งผ่าน e-CMS", "Create a new external letter with exactly this data, then send it through e-CMS")
        {
            Data = LetterData(letter, files),
            Task = new OperatorTask("send-letter") { Letter = letter, Files = files },
        });
        var result = await OutcomeAsync("send-letter", cancellationToken).ConfigureAwait(false);
        if (!result.IsDone)
        {
            return result;
        }

        // What the screen says is the operator's; the ProcessID is the one the hub gave the SUT on the wire.
        var sent = await wire.WaitForSutRequestAsync(
            e => e.Operation == Operation.SendLetter && e.Request is SendLetterRequest s && s.Letter.LetterId == letter.LetterId,
            mark, timeout, cancellationToken).ConfigureAwait(false);
        return result with { ProcessId = (sent?.Response as SendLetterResponse)?.ProcessId };
    }

    public async Task<SutActionResult> PollAsync(CancellationToken cancellationToken)
    {
        var mark = wire.Mark;
        console.Tell(new OperatorPrompt("สั่งให้ระบบรับหนังสือจาก e-CMS ทันที (หรือรอให้ระบบรับเองตามรอบเวลา)", "Make the system fetch its e-CMS inbox now (or wait for its own polling timer)")
        {
            Task = new OperatorTask("poll"),
        });

        // A polling cycle ends with a pull that finds the queue empty.
        var end = await wire.WaitForSutRequestAsync(e => e.Operation == Operation.Pull && e.Response is PullResponse { Item: null }, mark, timeout, cancellationToken).ConfigureAwait(false);
        return end is null ? Refused($"The system did not finish a polling cycle (a pull finding the queue empty) within {timeout.TotalSeconds:0} s.") : Done();
    }

    public async Task<SutActionResult> LetterActionAsync(SutLetterAction action, SutLetterKey key, string? acceptId, LetterRequest? corrected, CancellationToken cancellationToken)
    {
        var mark = wire.Mark;
        var (thai, english) = Describe(action);
        var data = new List<KeyValuePair<string, string>>
        {
            new("เลขที่หนังสือ / letter number", key.LetterId),
            new("ลงวันที่ / dated", $"{key.CorrespondenceDate} ({ThaiDate(key.CorrespondenceDate)})"),
            new("หน่วยงานคู่สื่อสาร / counterpart", key.CounterpartOrganizationId),
        };
        if (acceptId is not null)
        {
            data.Add(new("เลขทะเบียนรับที่ต้องใช้ / receipt number to use", acceptId));
        }

        var files = corrected is null ? [] : WriteFiles(corrected);
        if (corrected is not null)
        {
            data.AddRange(LetterData(corrected, files));
        }

        console.Tell(new OperatorPrompt(thai, english)
        {
            Data = data,
            Task = new OperatorTask(ControlApiSutDriver.ActionName(action)) { Key = key, AcceptId = acceptId, Letter = corrected, Files = files },
        });
        var result = await OutcomeAsync(ControlApiSutDriver.ActionName(action), cancellationToken).ConfigureAwait(false);
        if (result.IsDone && action == SutLetterAction.Register)
        {
            var shown = await AskAsync("accept-id", "ระบบแสดงเลขทะเบียนรับใด", "Which receipt number does the system show for this letter?", [], cancellationToken).ConfigureAwait(false);
            result = result with { AcceptId = shown };
        }

        if (result.IsDone && WireOperation(action) is { } operation)
        {
            // Give the action time to show on the wire before the checks read the journal.
            await wire.WaitForSutRequestAsync(e => e.Operation == operation && Names(e, key.LetterId), mark, timeout, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public async Task<IReadOnlyList<SutLetterView>> FindLettersAsync(SutDirection direction, SutLetterKey key, CancellationToken cancellationToken)
    {
        var register = direction == SutDirection.Outbound ? ("ทะเบียนหนังสือส่ง", "outgoing register") : ("ทะเบียนหนังสือรับ", "incoming register");
        console.Tell(new OperatorPrompt($"เปิด{register.Item1}และค้นหาหนังสือต่อไปนี้", $"Open the {register.Item2} and look for this letter")
        {
            Data = [new("เลขที่หนังสือ / letter number", key.LetterId), new("ลงวันที่ / dated", key.CorrespondenceDate), new("หน่วยงานคู่สื่อสาร / counterpart", key.CounterpartOrganizationId)],
            Task = new OperatorTask("find-letter") { Key = key },
        });
        var count = await AskNumberAsync("count", "หนังสือฉบับนี้ปรากฏกี่รายการ (0 ถ้าไม่พบ)", "How many entries for this letter does it list (0 if none)?", cancellationToken).ConfigureAwait(false);
        if (count == 0)
        {
            return [];
        }

        var statuses = direction == SutDirection.Outbound
            ? new[] { "sent", "received-by-peer", "accepted", "rejected", "invalid", "withdrawn", "accept-id-disputed" }
            : ["received", "acknowledged", "registered", "rejected", "reported-invalid", "accept-id-disputed"];
        var status = await AskAsync("status", "ระบบแสดงสถานะใด", "Which status does the system show?", statuses.Select(s => new KeyValuePair<string, string>(s, s)).ToArray(), cancellationToken).ConfigureAwait(false);
        var acceptId = await AskAsync("accept-id", "ระบบแสดงเลขทะเบียนรับใด (เว้นว่างถ้าไม่มี)", "Which receipt number does it show (empty if none)?", [], cancellationToken).ConfigureAwait(false);
        var view = new SutLetterView
        {
            CounterpartOrganizationId = key.CounterpartOrganizationId,
            LetterId = key.LetterId,
            CorrespondenceDate = key.CorrespondenceDate,
            Status = status,
            AcceptId = string.IsNullOrEmpty(acceptId) ? null : acceptId,
        };
        return Enumerable.Repeat(view, count).ToArray();
    }

    public Task<int> CountLettersAsync(SutDirection direction, CancellationToken cancellationToken) =>
        AskNumberAsync("count-all", direction == SutDirection.Outbound ? "ทะเบียนหนังสือส่งมีกี่รายการ" : "ทะเบียนหนังสือรับมีกี่รายการ",
            $"How many letters does the {(direction == SutDirection.Outbound ? "outgoing" : "incoming")} register list?", cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static (string Thai, string English) Describe(SutLetterAction action) => action switch
    {
        SutLetterAction.Acknowledge => ("ส่งหนังสือตอบรับสำหรับหนังสือที่ได้รับต่อไปนี้", "Send the receipt acknowledgement for this received letter"),
        SutLetterAction.Register => ("ลงทะเบียนรับหนังสือต่อไปนี้และส่งเลขทะเบียนรับกลับ", "Register this received letter and send its receipt number back"),
        SutLetterAction.Reject => ("ปฏิเสธหนังสือที่ได้รับต่อไปนี้", "Reject this received letter"),
        SutLetterAction.ReportInvalid => ("แจ้งว่าหนังสือที่ได้รับต่อไปนี้ส่งผิด", "Report this received letter as a wrong letter"),
        SutLetterAction.DisputeAcceptId => ("แจ้งว่าเลขทะเบียนรับของหนังสือที่ส่งต่อไปนี้ไม่ถูกต้อง", "Report that the receipt number of this sent letter is wrong"),
        SutLetterAction.Withdraw => ("ขอลบหนังสือที่ส่งต่อไปนี้ออกจาก e-CMS", "Withdraw this sent letter from e-CMS"),
        _ => ("แก้ไขหนังสือที่ส่งต่อไปนี้และส่งใหม่", "Correct this sent letter and send it again"),
    };

    private static Operation? WireOperation(SutLetterAction action) => action switch
    {
        SutLetterAction.Acknowledge => Operation.SendReceiveLetterNotifier,
        SutLetterAction.Register => Operation.SendAcceptLetterNotifier,
        SutLetterAction.Reject => Operation.SendRejectLetterNotifier,
        SutLetterAction.ReportInvalid => Operation.SendInvalidLetterNotifier,
        SutLetterAction.DisputeAcceptId => Operation.SendInvalidAcceptIdNotifier,
        SutLetterAction.Withdraw => Operation.WithdrawLetter,
        _ => Operation.SendLetter,
    };

    private static bool Names(JournalEntry entry, string letterId) => entry.Request switch
    {
        SendNotifierRequest n => n.Notifier.LetterId == letterId,
        WithdrawLetterRequest w => w.LetterId == letterId,
        SendLetterRequest s => s.Letter.LetterId == letterId,
        _ => false,
    };

    private async Task<SutActionResult> OutcomeAsync(string action, CancellationToken cancellationToken)
    {
        var answer = await AskAsync(action, "ระบบตอบสนองอย่างไร", "What did the system do?", OutcomeChoices, cancellationToken).ConfigureAwait(false);
        switch (answer)
        {
            case "1":
                return Done();
            case "2":
                var reason = await AskAsync(action + ".reason", "ระบบแสดงข้อความใด", "Which message did the system show?", [], cancellationToken).ConfigureAwait(false);
                return Refused(reason ?? "");
            case "3":
                var codes = await AskAsync(action + ".codes", "ระบบแสดงรหัสข้อผิดพลาดใด (คั่นด้วยเครื่องหมายจุลภาค)", "Which error codes did the system show (comma-separated)?", [], cancellationToken).ConfigureAwait(false);
                return new SutActionResult
                {
                    Outcome = SutOutcome.HubError,
                    Errors = (codes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => new SutHubError(c, null)).ToArray(),
                    ReportedBy = "operator",
                };
            default:
                throw new SutUnreachableException($"The operator gave no usable answer to \"What did the system do?\" ({answer ?? "no answer"}).");
        }
    }

    private async Task<string?> AskAsync(string id, string thai, string english, IReadOnlyList<KeyValuePair<string, string>> choices, CancellationToken cancellationToken)
    {
        var answer = await console.AskAsync(new OperatorPrompt(thai, english) { Choices = choices, QuestionId = id }, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            throw new SutUnreachableException($"Manual mode needs an operator, but nobody answered \"{english}\" (end of input).");
        }

        wire.Note($"Operator answered \"{english}\" with \"{answer}\".");
        return answer;
    }

    private async Task<int> AskNumberAsync(string id, string thai, string english, CancellationToken cancellationToken)
    {
        var text = await AskAsync(id, thai, english, [], cancellationToken).ConfigureAwait(false);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new SutUnreachableException($"The operator answered \"{text}\" where a number was asked (\"{english}\").");
    }

    private static SutActionResult Done() => new() { Outcome = SutOutcome.Done, ReportedBy = "operator" };

    private static SutActionResult Refused(string reason) => new() { Outcome = SutOutcome.Refused, Reason = reason, ReportedBy = "operator" };

    private List<string> WriteFiles(LetterRequest letter)
    {
        Directory.CreateDirectory(filesDirectory);
        var paths = new List<string>();
        foreach (var file in new[] { letter.MainLetter }.Concat(letter.Attachments).OfType<LetterFile>())
        {
            var path = Path.Combine(filesDirectory, $"{Safe(letter.LetterId)}-{paths.Count + 1}-{file.FileName}");
            File.WriteAllBytes(path, file.Bytes);
            paths.Add(path);
        }

        return paths;
    }

    private static string Safe(string text) => string.Concat(text.Select(c => char.IsLetterOrDigit(c) ? c : '_'));

    private static List<KeyValuePair<string, string>> LetterData(LetterRequest letter, List<string> files)
    {
        var data = new List<KeyValuePair<string, string>>
        {
            new("ถึง / to (OrganizationID)", letter.ReceiverOrganizationId),
            new("เลขที่หนังสือ / letter number", letter.LetterId),
            new("ลงวันที่ / dated", letter.ForOperator.DateAsTyped ?? $"{ThaiDate(letter.CorrespondenceDate)} ({letter.CorrespondenceDate})"),
            new("เรื่อง / subject", letter.Subject),
            new("ชั้นความลับ / secret level", letter.ForOperator.SecretLabel ?? letter.SecretCode),
            new("ชั้นความเร็ว / speed level", letter.ForOperator.SpeedLabel ?? letter.SpeedCode),
        };
        foreach (var reference in letter.References)
        {
            data.Add(new("อ้างถึง / reference", $"{reference.LetterId} ลงวันที่ {reference.CorrespondenceDate} เรื่อง {reference.Subject}"));
        }

        data.Add(new("หนังสือนำ / cover letter", letter.MainLetter is null ? "ไม่แนบ / none — try to send without one" : files[0]));
        foreach (var file in files.Skip(letter.MainLetter is null ? 0 : 1))
        {
            data.Add(new("สิ่งที่ส่งมาด้วย / enclosure", file));
        }

        return data;
    }

    private static string ThaiDate(string wireDate) => WireFormats.TryParseDate(wireDate, out var date) ? ThaiShortDate.Format(date) : wireDate;
}
