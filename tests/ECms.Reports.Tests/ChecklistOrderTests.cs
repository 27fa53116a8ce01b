using ECms.Reports.Model;

namespace ECms.Reports.Tests;

public class ChecklistOrderTests
{
    [Test]
    public void Sort_MixedIds_FollowsTheChecklistNotTheAlphabet()
    {
        string[] ids = ["C10", "A10", "B1", "C2", "A2", "F7", "zz", "A1", "C1", "E10", "E9", "A2b", "D15"];

        var sorted = ids.Order(ChecklistOrder.Comparer).ToList();

        sorted.ShouldBe(["A1", "A2", "A2b", "A10", "B1", "C1", "C2", "C10", "D15", "E9", "E10", "F7", "zz"]);
    }

    [TestCase("C13", "C")]
    [TestCase("F7", "F")]
    [TestCase("AB12", "AB")]
    [TestCase("123", "123")]
    public void GroupOf_Id_IsTheLetterPrefix(string id, string group)
    {
        var actual = ChecklistOrder.GroupOf(id);

        actual.ShouldBe(group);
    }

    [TestCase("S/R", new[] { "sender", "receiver" })]
    [TestCase("R/S", new[] { "receiver", "sender" })]
    [TestCase("D", new[] { "directory" })]
    [TestCase("sender", new[] { "sender" })]
    [TestCase(null, new[] { "other" })]
    [TestCase("</script>", new[] { "other" })]
    public void RoleCategoryOf_ChecklistRole_MapsToFilterCategories(string? role, string[] expected)
    {
        var categories = RoleCategory.Of(role);

        categories.ShouldBe(expected);
    }
}
