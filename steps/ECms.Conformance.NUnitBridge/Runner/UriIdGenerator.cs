using Gherkin.CucumberMessages;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>
/// Message ids scoped by the feature's uri: unique across the features of one run (a plain counter restarts
/// per feature and collides in the ndjson) and stable between runs (approval tests, diffable reports).
/// </summary>
internal sealed class UriIdGenerator(string uri) : IIdGenerator
{
    private int _next;

    public string GetNewId() => $"{uri}#{_next++}";
}
