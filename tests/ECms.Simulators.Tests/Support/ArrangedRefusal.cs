using ECms.Protocol.Rules;
using ECms.Simulators.Client;
using ECms.Simulators.Journal;

namespace ECms.Simulators.Tests.Support;

/// <summary>
/// A hub brought into the state a refusal case needs (<see cref="RejectionTests.Refusals"/>), with that state described
/// and the journal counted, and the request the hub must refuse not yet made.
/// </summary>
internal sealed record ArrangedRefusal(HubRig Rig, Func<Task<EcmsCallResult>> Act, string StateBefore, int JournalledBefore) : IAsyncDisposable
{
    public static async Task<ArrangedRefusal> CreateAsync(ValidationProfile profile, Func<HubRig, Task<Func<Task<EcmsCallResult>>>> arrange)
    {
        var rig = HubRig.Create(profile);
        var act = await arrange(rig);
        await rig.PeerA.RefreshDirectoryAsync();
        await rig.PeerB.RefreshDirectoryAsync();
        return new ArrangedRefusal(rig, act, rig.Hub.DescribeState(), rig.Hub.Journal.Count);
    }

    /// <summary>The one journal entry the refused request made.</summary>
    public JournalEntry RefusedEntry => Rig.Hub.Journal.Entries.Skip(JournalledBefore).Single();

    public ValueTask DisposeAsync() => Rig.DisposeAsync();
}
