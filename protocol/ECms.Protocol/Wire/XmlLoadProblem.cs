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
    public override string ToString() => Line > 0 ? $"{Message} (line {Line}, column {Column})" : Message;
}
