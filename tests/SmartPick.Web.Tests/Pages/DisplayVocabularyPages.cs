using Shouldly;
using SmartPick.Web.Tests.Advising;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

/// <summary>People read words, not codes: specialties, roles, kinds and programs by name on the timeline.</summary>
public sealed class DisplayVocabularyPages(AppFixture app) : AdvisingTest(app)
{
    [Fact]
    public async Task the_timeline_names_specialties_roles_kinds_and_programs_in_plain_words()
    {
        var org = await App.CreateOrgAsync("words");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        var url = $"/api/candidates/{id}";
        await PostAsync(advisor, $"{url}/usce", new { usce = new { kind = "hands_on", specialty = "internal_medicine", months = 1, state = "NY" }, institution = "Brooklyn Hospital" });
        await PostAsync(advisor, $"{url}/letters", new { letter = new { us = true, specialty = "internal_medicine", writer_role = "program_director", strength = "strong" } });
        await PostAsync(advisor, $"{url}/research", new { research = new { kind = "qi", us_collaborators = true } });
        await PostAsync(advisor, $"{url}/cycles", new { season = 2027 });
        var program = (await GetAsync(advisor, "/api/catalog/programs?specialty=140&page_size=1")).GetProperty("items")[0];
        var code = program.GetProperty("program_code").GetString()!;
        await PostAsync(advisor, $"{url}/cycles/2027/interviews", new { program_code = code, invited_on = "2026-10-20" });

        var text = PageForms.Text(await App.PageAs(advisor, $"/candidates/{id}"));
        text.ShouldContain("targeting Internal Medicine");
        text.ShouldContain("1 month of hands-on US clinical experience in Internal Medicine at Brooklyn Hospital (NY)");
        text.ShouldContain("Strong letter from a US program director in Internal Medicine");
        text.ShouldContain("Quality-improvement project added with US collaborators");
        text.ShouldContain($"Interview invitation from {program.GetProperty("program_name").GetString()} ({code}) (2027)");
        text.ShouldNotContain("internal_medicine");
        text.ShouldNotContain("program_director");
        text.ShouldNotContain("1 months");
    }
}
