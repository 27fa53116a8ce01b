namespace ECms.Conformance.Steps.Profiles;

/// <summary>How the suite makes the system under test act (profile field <c>sut.driver</c>).</summary>
public enum SutDriverKind
{
    /// <summary>The reference agency, started in-process and driven through its control API (the default).</summary>
    Embedded,

    /// <summary>Any SUT implementing the SUT control API v1 at <c>sut.controlUrl</c>.</summary>
    ControlApi,

    /// <summary>A SUT shipped as a container image (<c>sut.image</c>), started, certified and removed by the harness.</summary>
    Container,

    /// <summary>An operator performs every action on the SUT's own screens, told what to do in Thai and English.</summary>
    Manual,
}
