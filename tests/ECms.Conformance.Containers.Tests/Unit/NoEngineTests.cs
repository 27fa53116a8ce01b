using System.Diagnostics;
using System.Net.Sockets;

namespace ECms.Conformance.Containers.Tests.Unit;

/// <summary>
/// Without a usable engine: fail fast with how to start one, or skip with that message when container scenarios were
/// excluded. These run anywhere — the "engines" are a socket path with nothing behind it and a socket that never answers.
/// </summary>
public sealed class NoEngineTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(500);
    private string _folder = null!;

    [SetUp]
    public void SetUp()
    {
        // Unix socket paths are limited to ~100 bytes: keep it short.
        _folder = Path.Combine(Path.GetTempPath(), "ecms-c-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task CheckAsync_NoEngineNotExcluded_ThrowsHowToStartOne()
    {
        var environment = Environment(("DOCKER_HOST", $"unix://{_folder}/docker.sock"));

        var error = await Should.ThrowAsync<ContainerConfigurationException>(() => ContainerScenarios.CheckAsync(false, environment, ShortTimeout));

        error.Problem.ShouldBe(ContainerProblem.EngineUnreachable);
        error.Message.ShouldContain($"No Docker engine is reachable at unix://{_folder}/docker.sock (there is no socket {_folder}/docker.sock)");
        error.Fix.ShouldNotBeNull().ShouldContain("eval \"$(bash eng/docker.sh start)\"");
        error.Fix.ShouldContain("apt-get install -y docker.io && dockerd --bridge=none");
        error.Fix.ShouldContain("ECMS_SKIP_CONTAINERS=1");
    }

    [Test]
    public async Task CheckAsync_NoEngineExcluded_SkipsWithTheSameHowTo()
    {
        var environment = Environment(("DOCKER_HOST", $"unix://{_folder}/docker.sock"));

        var availability = await ContainerScenarios.CheckAsync(true, environment, ShortTimeout);

        availability.CanRun.ShouldBeFalse();
        availability.Engine.ShouldBeNull();
        availability.SkipReason.ShouldNotBeNull().ShouldStartWith("Container scenarios excluded (ECMS_SKIP_CONTAINERS=1 or the profile).");
        availability.SkipReason.ShouldContain("eval \"$(bash eng/docker.sh start)\"");
    }

    [Test]
    public async Task CheckAsync_EngineThatNeverAnswers_FailsWithinTheTimeout()
    {
        var path = Path.Combine(_folder, "silent.sock");
        using var silent = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        silent.Bind(new UnixDomainSocketEndPoint(path));
        silent.Listen();
        var clock = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<ContainerConfigurationException>(
            () => ContainerScenarios.CheckAsync(false, Environment(("DOCKER_HOST", "unix://" + path)), ShortTimeout));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        error.Message.ShouldContain("(no answer within 0.5 s)");
    }

    [Test]
    public async Task StartAsync_NoEngine_FailsFastBeforeAnythingElse()
    {
        var options = new SutContainerOptions
        {
            Image = SutContainerOptions.ReferenceAgencyImage,
            DockerEndpoint = new Uri($"unix://{_folder}/docker.sock"),
            EngineTimeout = ShortTimeout,
        };
        var clock = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<ContainerConfigurationException>(() => SutContainer.StartAsync(options));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        error.Problem.ShouldBe(ContainerProblem.EngineUnreachable);
        error.Fix.ShouldNotBeNull().ShouldContain("eval \"$(bash eng/docker.sh start)\"");
    }

    [TestCase("tcp://10.1.2.3:2375", "another machine")]
    [TestCase("ssh://builder@ci", "ssh:// is not supported")]
    [TestCase("not a url", "it is not an address")]
    public async Task CheckAsync_DockerHostNotALocalEngine_NamesTheProblem(string dockerHost, string expected)
    {
        var error = await Should.ThrowAsync<ContainerConfigurationException>(
            () => ContainerScenarios.CheckAsync(false, Environment(("DOCKER_HOST", dockerHost)), ShortTimeout));

        error.Problem.ShouldBe(ContainerProblem.EngineUnreachable);
        error.Message.ShouldContain(expected);
        error.Fix.ShouldNotBeNull().ShouldContain("unset DOCKER_HOST");
    }

    [TestCase("1", true)]
    [TestCase("true", true)]
    [TestCase(" YES ", true)]
    [TestCase("0", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void ExcludedByEnvironment_Value_MeansExcluded(string? value, bool expected) =>
        ContainerScenarios.ExcludedByEnvironment(Environment(("ECMS_SKIP_CONTAINERS", value))).ShouldBe(expected);

    private static Func<string, string?> Environment(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
