using System.Text.Json;
using Shouldly;
using SmartPick.Web.Pages.Shared;
using SmartPick.Web.Tests.Advising;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

/// <summary>The list page lists every list of the file and shows an earlier one as it was recorded.</summary>
public sealed class EarlierListPages(AppFixture app) : AdvisingTest(app)
{
    [Fact]
    public async Task an_earlier_list_opens_as_recorded_with_the_history_of_every_list_and_exports_with_its_number()
    {
        var org = await App.CreateOrgAsync("earlier");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        var first = await ListNumberAsync(advisor, id, 1);
        await PostAsync(advisor, $"/api/candidates/{id}/exams", new { exam = new { exam = "step2ck", score = 250 }, taken_on = "2024-02-01" });
        var current = await SettledListAsync(advisor, id);
        var currentNumber = current.GetProperty("number").GetInt32();
        currentNumber.ShouldBeGreaterThan(1);
        var firstP = first.GetProperty("p_match").GetDouble();
        first.GetProperty("number").GetInt32().ShouldBe(1);

        var page = await App.PageAs(advisor, $"/candidates/{id}/list");
        page.ShouldContain("data-testid=\"list-history\"");
        page.ShouldContain($"href=\"/candidates/{id}/list?number=1\"");
        page.ShouldNotContain("data-testid=\"earlier-list\"");

        var earlier = await App.PageAs(advisor, $"/candidates/{id}/list?number=1");
        var text = PageForms.Text(earlier);
        text.ShouldContain($"This is list 1 of {currentNumber}");
        earlier.ShouldContain($"data-testid=\"list-pmatch\">{Display.Pct(firstP)}<");
        // The first list's programs, as recorded then, and no live panels to act on.
        var firstProgram = first.GetProperty("programs")[0].GetProperty("program_name").GetString()!;
        text.ShouldContain(firstProgram);
        earlier.ShouldNotContain("data-testid=\"strategy-form\"");
        earlier.ShouldNotContain("data-testid=\"what-if-form\"");
        earlier.ShouldContain($"handler=Export&amp;format=csv&amp;number=1");

        var token = await App.TokenAsync(advisor);
        var csv = await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", $"Bearer {token}");
            x.Get.Url($"/candidates/{id}/list?handler=Export&format=csv&number=1");
            x.StatusCodeShouldBe(200);
        });
        (await csv.ReadAsTextAsync()).ShouldContain("list,1\r\n");

        await App.PageAs(advisor, $"/candidates/{id}/list?number=99", 404);
        var outsider = await App.AdvisorAsync(await App.CreateOrgAsync("earlier-b"));
        await App.PageAs(outsider, $"/candidates/{id}/list?number=1", 404);
    }
}
