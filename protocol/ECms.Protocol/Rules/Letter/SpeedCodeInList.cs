using ECms.Protocol.Messages;

namespace ECms.Protocol.Rules.Letter;

/// <summary>R-SEND-6: ram:SpeedCode (ชั้นความเร็ว) is a 3-digit code from GetSpeedCodes (001–004).</summary>
public sealed class SpeedCodeInList : CodeFieldRule
{
    public override string Id => "R-SEND-6";
    public override string Title => "SpeedCode from the GetSpeedCodes list";

    protected override string FieldName => "SpeedCode";
    protected override string ListOperation => OperationNames.GetSpeedCodes;

    protected override IReadOnlyList<CodeValue> Codes(CodeLists.CodeLists lists) => lists.SpeedCodes;
}
