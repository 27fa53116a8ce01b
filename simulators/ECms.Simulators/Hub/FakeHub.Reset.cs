namespace ECms.Simulators.Hub;

/// <summary>
/// Harness-side clean-up between test cases: a conformance run shares one hub across many scenarios, and a SUT that
/// never deletes (or a scenario that stops early) would otherwise leave items at the head of its queue that block every
/// later scenario (the checklist assumes a clean queue: D1's and F's "Pre").
/// </summary>
public sealed partial class FakeHub
{
    /// <summary>
    /// Removes every undeleted item from an agency's queue, as if its owner had deleted them, without moving any letter's
    /// state (a discard is not a delivery). Returns the ProcessIDs removed, oldest first. A later delete of one of them is
    /// answered like a second delete.
    /// </summary>
    public IReadOnlyList<string> ClearQueue(string organizationId)
    {
        _ = EndpointOf(organizationId);
        lock (_state.Gate)
        {
            var now = Clock.GetUtcNow();
            var items = _state.Queue(organizationId);
            foreach (var item in items)
            {
                _state.Delete(item, now);
            }

            if (items.Count > 0)
            {
                WriteThrough();
            }

            return items.Select(i => i.ProcessId).ToArray();
        }
    }
}
