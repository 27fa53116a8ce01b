using ECms.Protocol;
using ECms.Protocol.CodeLists;
using ECms.Protocol.Messages;
using ECms.ReferenceAgency.Storage;

namespace ECms.ReferenceAgency.Saraban;

/// <summary>
/// The checks of the "new letter" form, done before anything reaches the hub (checklist C4–C6, B3, B4): a letter the
/// agency refuses here is answered "refused" with a reason that says what to change.
/// </summary>
internal static class DraftValidation
{
    private const int MaxLetterIdLength = 255;

    /// <param name="checkCoverLetterContent">False only for the unchecked-cover-letter-content fault: a cover letter declared as PDF is not opened.</param>
    /// <param name="imagesDeclaredAsJpeg">True only for the images-declared-as-jpeg fault: every image enclosure is labelled image/jpeg.</param>
    public static (OutboundLetter? Letter, string? Refusal) Validate(
        LetterDraft draft, string ownOrganizationId, CodeListView codes, bool coverLetterRequired,
        bool checkCoverLetterContent = true, bool imagesDeclaredAsJpeg = false)
    {
        var receiver = draft.ReceiverOrganizationId?.Trim();
        if (string.IsNullOrEmpty(receiver) || OptionsValidation.OrganizationProblem(receiver) is not null)
        {
            return Refuse($"The receiver organisation code \"{receiver}\" is not an organisation code; choose the receiver from the directory.");
        }

        if (receiver == ownOrganizationId)
        {
            return Refuse("A letter cannot be addressed to the agency itself; choose another receiver.");
        }

        var letterId = draft.LetterId?.Trim();
        if (string.IsNullOrEmpty(letterId) || letterId.Length > MaxLetterIdLength)
        {
            return Refuse($"The letter number is missing or longer than {MaxLetterIdLength} characters; enter the outgoing number, e.g. \"ทส 9901.3/1187\".");
        }

        if (DateProblem(draft.CorrespondenceDate, "correspondenceDate") is { } dateProblem)
        {
            return Refuse(dateProblem);
        }

        if (string.IsNullOrWhiteSpace(draft.Subject))
        {
            return Refuse("The subject (เรื่อง) is missing; enter the letter's subject.");
        }

        var secret = string.IsNullOrWhiteSpace(draft.SecretCode) ? "001" : draft.SecretCode.Trim();
        var speed = string.IsNullOrWhiteSpace(draft.SpeedCode) ? "001" : draft.SpeedCode.Trim();
        if (!codes.SecretCodes.Contains(secret))
        {
            return Refuse($"Secret code \"{secret}\" is not in the hub's list ({string.Join(", ", codes.SecretCodes.Order())}); choose one of them.");
        }

        if (!codes.SpeedCodes.Contains(speed))
        {
            return Refuse($"Speed code \"{speed}\" is not in the hub's list ({string.Join(", ", codes.SpeedCodes.Order())}); choose one of them.");
        }

        var references = new List<LetterReference>();
        foreach (var reference in draft.References ?? [])
        {
            if (reference is null || (string.IsNullOrWhiteSpace(reference.LetterId) && string.IsNullOrWhiteSpace(reference.CorrespondenceDate) && string.IsNullOrWhiteSpace(reference.Subject)))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(reference.LetterId) || string.IsNullOrWhiteSpace(reference.Subject) || DateProblem(reference.CorrespondenceDate, "references[].correspondenceDate") is not null)
            {
                return Refuse($"The reference \"{reference.LetterId}\" needs a letter number, a Gregorian date (yyyy-MM-dd) and a subject.");
            }

            references.Add(new LetterReference(reference.LetterId.Trim(), reference.CorrespondenceDate!.Trim(), reference.Subject.Trim()));
        }

        var files = new List<StoredFile>();
        if (draft.MainLetter is null || string.IsNullOrEmpty(draft.MainLetter.ContentBase64))
        {
            if (coverLetterRequired)
            {
                return Refuse("The letter has no cover letter (หนังสือนำ). Attach the signed letter as a PDF before sending; e-CMS requires it.");
            }
        }
        else
        {
            var (main, problem) = Decode(draft.MainLetter, FileRole.Main, 0, codes);
            if (problem is not null)
            {
                return Refuse("Cover letter: " + problem);
            }

            if (checkCoverLetterContent && main!.MimeType == "application/pdf" && !main.Content!.AsSpan().StartsWith("%PDF-"u8))
            {
                return Refuse("The cover letter is declared as PDF but its content is not a PDF (no %PDF- header); attach the real signed PDF.");
            }

            files.Add(main!);
        }

        var ordinal = 0;
        foreach (var attachment in draft.Attachments ?? [])
        {
            if (attachment is null)
            {
                continue;
            }

            // The images-declared-as-jpeg fault: an upload form that only knows "picture" declares every image as the JPEG the hub serves.
            var (file, problem) = Decode(imagesDeclaredAsJpeg ? AsJpegIfImage(attachment) : attachment, FileRole.Attachment, ordinal++, codes);
            if (problem is not null)
            {
                return Refuse($"Enclosure \"{attachment.FileName}\": {problem}");
            }

            files.Add(file!);
        }

        return (new OutboundLetter
        {
            ReceiverId = receiver,
            LetterId = letterId,
            CorrespondenceDate = draft.CorrespondenceDate!.Trim(),
            Subject = draft.Subject.Trim(),
            SecretCode = secret,
            SpeedCode = speed,
            Description = draft.Description ?? "",
            AttachmentText = string.IsNullOrWhiteSpace(draft.AttachmentText) ? "-" : draft.AttachmentText,
            Sender = Names(draft.Sender),
            Receiver = Names(draft.Receiver),
            References = references,
            Files = files,
        }, null);
    }

    /// <summary>Gregorian yyyy-MM-dd; a year from 2400 on is a Buddhist-era year typed where the wire needs Gregorian (R-SEND-3).</summary>
    public static string? DateProblem(string? text, string field)
    {
        if (!WireFormats.TryParseDate(text?.Trim(), out var date))
        {
            return $"{field} \"{text}\" is not a date in the form yyyy-MM-dd (Gregorian, e.g. 2024-06-11).";
        }

        return date.Year >= 2400
            ? $"{field} \"{text}\" has a Buddhist-era year ({date.Year} = {WireFormats.GregorianYearFromBuddhistEra(date.Year)} CE); e-CMS dates are Gregorian, e.g. {WireFormats.GregorianYearFromBuddhistEra(date.Year)}{text!.Trim()[4..]}."
            : null;
    }

    private static (StoredFile? File, string? Problem) Decode(FileDraft draft, FileRole role, int ordinal, CodeListView codes)
    {
        var mime = draft.MimeType?.Trim();
        if (string.IsNullOrEmpty(mime) && draft.FileName is { } name)
        {
            mime = CodeLists.Standard.ContentTypeForExtension(Path.GetExtension(name));
        }

        if (string.IsNullOrEmpty(mime))
        {
            return (null, "the file type is unknown; give mimeType or a file name with a known extension.");
        }

        if (!codes.AllowsContentType(mime))
        {
            return (null, $"the file type \"{mime}\" is not in the hub's list of allowed types; convert the file (e.g. to PDF).");
        }

        var document = new BinaryDocument(mime, draft.ContentBase64 ?? "");
        var inspection = document.Inspect();
        if (!inspection.IsValid)
        {
            return (null, "the content is not valid base64.");
        }

        if (inspection.DecodedLength == 0)
        {
            return (null, "the file is empty.");
        }

        return (new StoredFile(role, ordinal, draft.FileName, mime, document.Decode(), inspection.DecodedLength, inspection.Sha256, null), null);
    }

    private static FileDraft AsJpegIfImage(FileDraft draft)
    {
        var mime = draft.MimeType?.Trim();
        if (string.IsNullOrEmpty(mime) && draft.FileName is { } name)
        {
            mime = CodeLists.Standard.ContentTypeForExtension(Path.GetExtension(name));
        }

        return mime is not null && mime.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? draft with { MimeType = "image/jpeg" } : draft;
    }

    private static PartyNames Names(PersonDraft? person) =>
        person is null ? PartyNames.Empty : new PartyNames(person.GivenName ?? "", person.FamilyName ?? "", person.JobTitle ?? "");

    private static (OutboundLetter?, string?) Refuse(string reason) => (null, reason);
}
