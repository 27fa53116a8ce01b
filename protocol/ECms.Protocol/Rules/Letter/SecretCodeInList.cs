using ECms.Protocol.Messages;

namespace ECms.Protocol.Rules.Letter;

/// <summary>R-SEND-5: ram:SecretCode (ชั้นความลับ) is a 3-digit code from GetSecretCodes (001–004; 005 only if configured).</summary>
public sealed class SecretCodeInList : CodeFieldRule
{
    public override string Id => "R-SEND-5";
    public override string Title => "SecretCode from the GetSecretCodes list";

    protected override string FieldName => "SecretCode";
    protected override string ListOperation => OperationNames.GetSecretCodes;

    protected override IReadOnlyList<CodeValue> Codes(CodeLists.CodeLists lists) => lists.SecretCodes;
}
