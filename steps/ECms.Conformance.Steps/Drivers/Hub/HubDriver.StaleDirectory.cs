using ECms.Conformance.Steps.Drivers.Sut;
using ECms.Simulators.Hub;

namespace ECms.Conformance.Steps.Drivers.Hub;

/// <summary>
/// Checklist C7's set-up, "a receiver record the hub does not know — e.g. via a stale cached directory". A saraban
/// system forgets its directory when its hub's address changes, and the fake hub never forgets an agency; so the SUT
/// reads its directory from a hub that lists the organisation, and the scenario goes on against a hub restarted at the
/// same address without it. To the SUT that is its own hub, whose directory changed since it last read it; only then
/// does sending to the organisation reach the hub and show whether the SUT surfaces E210.
/// </summary>
public sealed partial class HubDriver
{
    public async Task GiveSutStaleDirectoryEntryAsync(string organizationId)
    {
        RequireUnknown(organizationId);
        if (Session.Sut.Kind == "manual")
        {
            Verdict.Note("Manual mode: the SUT's directory is not made stale; C7 then accepts a local refusal of the unknown receiver.");
            return;
        }

        int port;
        var listing = FakeHub.Start(Session.Hub.Options with { Port = 0 });
        var listingName = harness.ItemId + "-directory";
        Session.UsingVariant(listingName, listing);
        try
        {
            Session.RegisterAgencies(listing);
            listing.RegisterAgency(organizationId, "หน่วยงานที่เลิกเชื่อมต่อแล้ว", "Agency no longer connected");
            port = listing.BaseUrl.Port;
            var pointed = await Session.Sut.ConfigureAsync(listing.EndpointOf(Sut), Sut, harness.Cancellation).ConfigureAwait(false);
            if (pointed.Outcome == SutOutcome.NotSupported)
            {
                Verdict.Note("The SUT is configured statically, so its directory cannot be made stale; C7 then accepts a local refusal of the unknown receiver.");
                return;
            }

            _directoryStale = true;
            var refreshed = await Session.Sut.RefreshDirectoryAsync(harness.Cancellation).ConfigureAwait(false);
            if (!pointed.IsDone || refreshed.Outcome is not (SutOutcome.Done or SutOutcome.NotSupported))
            {
                throw Verdict.Error($"Could not give the SUT a directory that lists {organizationId}: configure {pointed}, refresh-directory {refreshed}.");
            }
        }
        catch (SutUnreachableException ex)
        {
            Session.SutDown = true;
            throw Verdict.Error($"The system under test stopped answering: {ex.Message}", ex);
        }
        finally
        {
            Session.ArchiveVariant(listingName, listing);
            await listing.DisposeAsync().ConfigureAwait(false);
        }

        await AdoptVariantAsync(FakeHub.Start(Session.Hub.Options with { Port = port }), connect: false).ConfigureAwait(false);
        Verdict.Pass($"The SUT's directory lists {organizationId}, which its hub no longer knows.");
    }

    private bool _directoryStale;

    /// <summary>After C7 without a variant to leave: the SUT reads the run hub's directory again.</summary>
    private async Task RefreshStaleDirectoryAsync()
    {
        if (!_directoryStale)
        {
            return;
        }

        _directoryStale = false;
        if (_variant is null)
        {
            await ConnectOrErrorAsync(Session.Hub).ConfigureAwait(false);
        }
    }
}
