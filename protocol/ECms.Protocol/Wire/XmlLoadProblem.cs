namespace ECms.Protocol.Wire;

/// <summary>Why a byte sequence could not be turned into an XML document.</summary>
public enum XmlLoadProblemKind
{
    Empty,
    TooLarge,
    NotUtf8,
    DtdProhibited,
    TooDeep,
    TooManyElements,
    TooManyAttributes,
    NotWellFormed,
}

/// <summary>A load failure with a plain-English message and, where known, the line and column.</summary>
public sealed record XmlLoadProblem(XmlLoadProblemKind Kind, string Message, int Line = 0, int Column = 0)
{
    /// <summary>The problem in Thai, for findings and reports read by Thai certifiers.</summary>
    public string ThaiMessage => Kind switch
    {
        XmlLoadProblemKind.Empty => "ข้อความว่างเปล่า ต้องเป็น SOAP 1.1 Envelope",
        XmlLoadProblemKind.TooLarge => "ข้อความมีขนาดเกินขีดจำกัดที่ยอมรับได้",
        XmlLoadProblemKind.NotUtf8 => "ข้อความไม่ได้เข้ารหัสเป็น UTF-8 ที่ถูกต้อง",
        XmlLoadProblemKind.DtdProhibited => "ข้อความมี DTD (<!DOCTYPE …>) ซึ่งไม่อนุญาตด้วยเหตุผลด้านความปลอดภัย",
        XmlLoadProblemKind.TooDeep => "โครงสร้าง XML ซ้อนกันลึกเกินขีดจำกัด",
        XmlLoadProblemKind.TooManyElements => "ข้อความมีจำนวนองค์ประกอบ XML เกินขีดจำกัด",
        XmlLoadProblemKind.TooManyAttributes => "องค์ประกอบ XML มีจำนวนแอตทริบิวต์เกินขีดจำกัด",
        _ => "ข้อความไม่ใช่ XML ที่ถูกต้องตามรูปแบบ (not well-formed)",
    } + (Line > 0 ? $" (บรรทัด {Line} คอลัมน์ {Column})" : "");

    public override string ToString() => Line > 0 ? $"{Message} (line {Line}, column {Column})" : Message;
}
