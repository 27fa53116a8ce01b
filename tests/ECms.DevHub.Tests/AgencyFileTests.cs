using ECms.Simulators.DevHub;

namespace ECms.DevHub.Tests;

/// <summary>An operator's agencies file that is wrong gets a message saying what the file must look like, not a .NET type.</summary>
public class AgencyFileTests
{
    [TestCase("""{"organizationId": "9900100000"}""", "line 1")]
    [TestCase("""[{"organizationId": 9900100000, "thaiName": "ก", "englishName": "A"}]""", "organizationId")]
    [TestCase("[{\"organizationId\": \"9900100000\",\n \"thaiName\": \"ก\"\n \"englishName\": \"A\"}]", "line 3")]
    public void Read_MalformedJson_ConfigurationErrorWithTheShapeAndWhere(string json, string where)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ecms-agencies-").FullName, "agencies.json");
        File.WriteAllText(path, json);
        try
        {
            var error = Should.Throw<DevHubConfigurationException>(() => AgencyFile.Read(path));

            error.Message.ShouldContain(path);
            error.Message.ShouldContain(where, Case.Insensitive);
            error.Message.ShouldContain("Fix:");
            error.Message.ShouldContain("\"organizationId\"");
            error.Message.ShouldNotContain("System.");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
