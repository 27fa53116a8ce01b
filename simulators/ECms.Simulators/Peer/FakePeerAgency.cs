using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Client;
using ECms.Simulators.Hub;

namespace ECms.Simulators.Peer;

/// <summary>
/// Another agency's saraban system, scripted: it talks to the hub exactly as a real one does — real HTTP to its own
/// endpoint, requests written with EcmsWriter, answers read with the hardened reader — and sends letters (with files),
/// pulls and deletes, sends each notifier, withdraws and resends, and answers by its <see cref="PeerBehaviour"/>,
/// on demand (<see cref="ProcessQueueAsync"/>) or from a background polling loop.
/// </summary>
/// <example><code>
/// await using var peer = FakePeerAgency.For(hub, "9900200000", new FakePeerOptions { Behaviour = PeerBehaviour.Cooperative });
/// await peer.SendLetterAsync(peer.ComposeLetter("9900100000", "ทส 9902/77", "ขอเชิญประชุม"));
/// </code></example>
public sealed partial class FakePeerAgency : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<PeerInboxItem> _received = [];
    private readonly List<PeerSentLetter> _sent = [];
    private readonly List<string> _problems = [];
    private readonly Dictionary<string, OrganizationInfo> _directory = new(StringComparer.Ordinal);
    private int _receiptCounter;

    public FakePeerAgency(string organizationId, Uri ownEndpoint, FakePeerOptions? options = null)
    {
        OrganizationId = organizationId;
        Options = options ?? new FakePeerOptions();
        Behaviour = Options.Behaviour;
        Client = new EcmsHubClient(ownEndpoint, Options.HttpClient, Options.Client);
    }

    public string OrganizationId { get; }

    public FakePeerOptions Options { get; }

    /// <summary>Can be changed between cycles, e.g. to reject only the next letter.</summary>
    public PeerBehaviour Behaviour { get; set; }

    /// <summary>The HTTP client on the peer's own endpoint, for calls the helpers below do not cover.</summary>
    public EcmsHubClient Client { get; }

    public Uri Endpoint => Client.Endpoint;

    /// <summary>Everything pulled, in the order first received.</summary>
    public IReadOnlyList<PeerInboxItem> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToArray();
            }
        }
    }

    public IReadOnlyList<Letter> ReceivedLetters => Received.Where(r => r.Letter is not null).Select(r => r.Letter!).ToArray();

    public IReadOnlyList<Notifier> ReceivedNotifiers => Received.Where(r => r.Notifier is not null).Select(r => r.Notifier!).ToArray();

    public IReadOnlyList<PeerSentLetter> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToArray();
            }
        }
    }

    /// <summary>What went wrong in scripted answers and the polling loop; a peer never throws into the test from there.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_gate)
            {
                return _problems.ToArray();
            }
        }
    }

    /// <summary>A peer for an agency registered on <paramref name="hub"/>; it still talks to it only over HTTP.</summary>
    public static FakePeerAgency For(FakeHub hub, string organizationId, FakePeerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hub);
        return new FakePeerAgency(organizationId, hub.EndpointOf(organizationId), options);
    }

    /// <summary>
    /// A valid letter from this agency, as a 2.0 client fills it: Gregorian dates in Thai time, codes 001 unless given,
    /// a PDF cover letter (a small generated one when none is given) and the given enclosures.
    /// </summary>
    public Letter ComposeLetter(
        string receiverOrganizationId,
        string letterId,
        string subject,
        BinaryDocument? mainLetter = null,
        params BinaryDocument[] attachments)
    {
        var now = Options.TimeProvider.GetUtcNow();
        return new Letter
        {
            LetterId = letterId,
            CorrespondenceDate = WireFormats.FormatDate(WireFormats.ThaiToday(Options.TimeProvider)),
            Subject = subject,
            Sender = Party.ForOrganization(OrganizationId, Options.JobTitle, Options.GivenName, Options.FamilyName),
            Receiver = Party.ForOrganization(receiverOrganizationId),
            AttachmentText = attachments.Length == 0 ? "-" : $"{attachments.Length} ไฟล์",
            SendDate = WireFormats.FormatDateTime(now),
            MainLetter = mainLetter ?? SamplePdf(subject),
            Attachments = attachments,
        };
    }

    /// <summary>A tiny but real PDF naming the subject, so that the cover letter passes magic-number checks.</summary>
    public static BinaryDocument SamplePdf(string title)
    {
        var pdf = $"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n% {title}\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return BinaryDocument.FromBytes("application/pdf", System.Text.Encoding.UTF8.GetBytes(pdf));
    }

    /// <summary>Reads GetOrganizationList (over HTTP, like a real client's directory refresh) and caches the endpoints.</summary>
    public async Task<IReadOnlyList<OrganizationInfo>> RefreshDirectoryAsync(CancellationToken cancellationToken = default)
    {
        var result = await Client.DirectoryAsync(Operation.GetOrganizationList, cancellationToken).ConfigureAwait(false);
        var organizations = result.Expect<OrganizationListResponse>().Organizations;
        lock (_gate)
        {
            _directory.Clear();
            foreach (var organization in organizations)
            {
                _directory[organization.OrganizationId] = organization;
            }
        }

        return organizations;
    }

    /// <summary>The endpoint of an organisation, from the cached directory (refreshed when the code is unknown).</summary>
    public async Task<Uri> EndpointOfAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        if (Lookup(organizationId) is null)
        {
            await RefreshDirectoryAsync(cancellationToken).ConfigureAwait(false);
        }

        return Lookup(organizationId) is { } known
            ? new Uri(known.EcmsUrl)
            : throw new InvalidOperationException($"Organisation {organizationId} is not in the hub's directory.");
    }

    public async ValueTask DisposeAsync()
    {
        await StopPollingAsync().ConfigureAwait(false);
        Client.Dispose();
    }

    private OrganizationInfo? Lookup(string organizationId)
    {
        lock (_gate)
        {
            return _directory.GetValueOrDefault(organizationId);
        }
    }

    private void Problem(string problem)
    {
        lock (_gate)
        {
            _problems.Add(problem);
        }
    }
}
