using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Support;

/// <summary>
/// The checks a carried file gets in both R-SEND-MAIN and R-SEND-ATT: content present and valid base64 (embedded
/// white space tolerated with a warning), mimeCode present and in the GetMimeCodes list.
/// </summary>
internal static class BinaryChecks
{
    public static IEnumerable<(Issue Issue, string Path, string? Value)> Check(string field, BinaryContent file, CodeLists.CodeLists lists)
    {
        var path = XmlPaths.Of(file.Element);
        if (!file.HasContent)
        {
            yield return (Issue.Must($"{field} ไม่มีเนื้อหาไฟล์", $"{field} carries no content."), path, null);
        }
        else if (!file.Inspection.IsValid)
        {
            yield return (Issue.Must($"เนื้อหาของ {field} ไม่ใช่ base64 ที่ถูกต้อง", $"The content of {field} is not valid base64."), path, Excerpt(file));
        }
        else
        {
            if (file.Inspection.HasWhitespace)
            {
                yield return (Issue.Should($"เนื้อหา base64 ของ {field} มีการขึ้นบรรทัดหรือช่องว่าง ควรเป็นบรรทัดเดียวต่อเนื่อง",
                    $"The base64 content of {field} contains line breaks or spaces; it should be one unbroken line."), path, Excerpt(file));
            }

            if (file.Inspection.DecodedLength == 0)
            {
                yield return (Issue.Must($"{field} ถอดรหัสแล้วได้ไฟล์ขนาด 0 ไบต์", $"{field} decodes to an empty file."), path, null);
            }
        }

        var mimePath = $"{path}/@mimeCode";
        if (file.MimeCode.Length == 0)
        {
            yield return (Issue.Must($"{field} ไม่มี mimeCode", $"{field} has no mimeCode."), mimePath, null);
        }
        else if (!lists.IsAllowedContentType(file.MimeCode))
        {
            yield return (Issue.Must($"mimeCode \"{file.MimeCode}\" ของ {field} ไม่อยู่ในรายการของ GetMimeCodes",
                $"The mimeCode \"{file.MimeCode}\" of {field} is not in the GetMimeCodes list."), mimePath, file.MimeCode);
        }
    }

    private static string Excerpt(BinaryContent file)
    {
        var text = file.Element.Value;
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
