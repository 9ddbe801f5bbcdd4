using System.Text.Json;
using Shouldly;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Advising;

public sealed class AdvisorStoryTests(AppFixture app) : AdvisingTest(app)
{
    [Fact]
    public async Task a_reapplicant_gets_a_new_list_with_explained_changes_and_progress_says_what_improved()
    {
        var org = await App.CreateOrgAsync("story");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        var url = $"/api/candidates/{id}";

        await PostAsync(advisor, $"{url}/exams", new { exam = new { exam = "step1", passed = true }, taken_on = "2023-05-10" });
        var step2 = await PostAsync(advisor, $"{url}/exams", new { exam = new { exam = "step2ck", score = 218 }, taken_on = "2024-02-01" });
        await PostAsync(advisor, $"{url}/usce", new { usce = new { kind = "observership", specialty = "internal_medicine", months = 2, state = "OH" }, institution = "Cleveland Clinic" });
        await PostAsync(advisor, $"{url}/letters", new { letter = new { us = false, specialty = "internal_medicine", writer_role = "professor", strength = "strong" } });
        await PostAsync(advisor, $"{url}/exams/{step2.GetProperty("item_id").GetGuid()}/correction", new { score = 228, reason = "score was mistyped" });

        var first = await SettledListAsync(advisor, id);
        first.GetProperty("status").GetString().ShouldBe("ready");
        first.GetProperty("programs").GetArrayLength().ShouldBeGreaterThan(0);
        first.GetProperty("versions").GetProperty("catalog").GetString()!.ShouldStartWith("sha256:");

        await PostAsync(advisor, $"{url}/cycles", new { season = 2026 });
        await PostAsync(advisor, $"{url}/cycles/2026/applications", new { count = 120, submitted_on = "2025-09-03" });
        var invitedBy = first.GetProperty("programs")[0].GetProperty("program_code").GetString()!;
        await PostAsync(advisor, $"{url}/cycles/2026/interviews", new { program_code = invitedBy, invited_on = "2025-11-02" });
        await PostAsync(advisor, $"{url}/cycles/2026/rank-list", new { programs_ranked = 1, certified_on = "2026-02-25" });
        // "Then" is the chance the list gave for the season that ended, i.e. before the outcome is recorded.
        var pThen = (await SettledListAsync(advisor, id)).GetProperty("p_match").GetDouble();
        await PostAsync(advisor, $"{url}/cycles/2026/outcome", new { outcome = "unmatched" });
        var atOutcome = await SettledListAsync(advisor, id);

        // New evidence for the next season.
        await PostAsync(advisor, $"{url}/usce", new { usce = new { kind = "hands_on", specialty = "internal_medicine", months = 3, state = "NY" }, institution = "Brooklyn Community Hospital", started_on = "2026-04-01", ended_on = "2026-06-30" });
        await PostAsync(advisor, $"{url}/letters", new { letter = new { us = true, specialty = "internal_medicine", writer_role = "program director", strength = "strong" } });
        await PostAsync(advisor, $"{url}/letters", new { letter = new { us = true, specialty = "internal_medicine", writer_role = "attending", strength = "strong" } });
        await PostAsync(advisor, $"{url}/exams", new { exam = new { exam = "step3", score = 225, passed = true }, taken_on = "2026-07-15" });
        await PostAsync(advisor, $"{url}/cycles", new { season = 2027 });

        var now = await SettledListAsync(advisor, id);
        now.GetProperty("number").GetInt32().ShouldBeGreaterThan(atOutcome.GetProperty("number").GetInt32());
        var pNow = now.GetProperty("p_match").GetDouble();
        pNow.ShouldBeGreaterThan(pThen);
        var changes = now.GetProperty("changes");
        changes.GetProperty("p_match_after").GetDouble().ShouldBe(pNow);

        var history = await GetAsync(advisor, $"{url}/lists");
        var lists = history.GetProperty("lists");
        lists.GetArrayLength().ShouldBe(now.GetProperty("number").GetInt32());
        // Across the new evidence, the lists record why programs moved (reasons gained or lost, or tiers).
        lists.EnumerateArray().Skip(atOutcome.GetProperty("number").GetInt32())
            .Any(l => l.GetProperty("changes").GetProperty("moved").GetArrayLength() + l.GetProperty("changes").GetProperty("added").GetArrayLength() > 0
                      || l.GetProperty("changes").GetProperty("p_match_after").GetDouble() != l.GetProperty("changes").GetProperty("p_match_before").GetDouble())
            .ShouldBeTrue();

        var progress = await GetAsync(advisor, $"{url}/progress");
        progress.GetProperty("last_season").GetInt32().ShouldBe(2026);
        progress.GetProperty("last_outcome").GetString().ShouldBe("unmatched");
        progress.GetProperty("p_match_then").GetDouble().ShouldBe(pThen);
        progress.GetProperty("p_match_now").GetDouble().ShouldBe(pNow);
        var improved = progress.GetProperty("improved").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        improved.ShouldBe(["step3_passed", "hands_on_usce_months", "us_letters", "strong_us_letters"]);

        var cycles = (await GetAsync(advisor, $"{url}/cycles")).GetProperty("cycles");
        cycles.GetArrayLength().ShouldBe(2);
        cycles[0].GetProperty("outcome").GetString().ShouldBe("unmatched");
        cycles[0].GetProperty("interviews").EnumerateArray().Single().GetString().ShouldBe(invitedBy);
        cycles[1].GetProperty("facts_at_start").GetProperty("hands_on_usce_months").GetDecimal().ShouldBe(3m);

        var timeline = (await GetAsync(advisor, $"{url}/timeline")).GetProperty("entries").EnumerateArray().ToList();
        timeline.Select(e => e.GetProperty("kind").GetString()).ShouldContain("exam_result_corrected");
        timeline.Select(e => e.GetProperty("kind").GetString()).ShouldContain("cycle_unmatched");
        timeline.Select(e => e.GetProperty("kind").GetString()).ShouldContain("program_list_regenerated");
        timeline.First(e => e.GetProperty("kind").GetString() == "cycle_unmatched").GetProperty("recorded_by").GetProperty("user_id").GetString().ShouldBe(advisor.Id);

        var file = await GetAsync(advisor, url);
        file.GetProperty("exams").EnumerateArray().Single(e => e.GetProperty("exam").GetString() == "step2ck").GetProperty("score").GetInt32().ShouldBe(228);

        var cohort = await GetAsync(advisor, "/api/candidates?status=applying&specialty=internal_medicine&q=amina");
        cohort.GetProperty("total").GetInt64().ShouldBe(1);
        cohort.GetProperty("candidates")[0].GetProperty("id").GetGuid().ShouldBe(id);
    }

    [Fact]
    public async Task what_if_answers_with_both_lists_and_stores_nothing()
    {
        var org = await App.CreateOrgAsync("whatif");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        await PostAsync(advisor, $"/api/candidates/{id}/exams", new { exam = new { exam = "step2ck", score = 228 }, taken_on = "2024-02-01" });
        await SettledListAsync(advisor, id);
        var version = await VersionAsync(advisor, id);

        var answer = await PostAsync(advisor, $"/api/candidates/{id}/what-if", new
        {
            changes = new object[] { new { code = "add_hands_on_usce", months = 3 }, new { code = "add_us_letters", count = 2 }, new { code = "pass_step3" } },
        });
        answer.GetProperty("stored").GetBoolean().ShouldBeFalse();
        answer.GetProperty("changes").GetArrayLength().ShouldBe(3);
        answer.GetProperty("p_match_what_if_at_same_applications").GetDouble()
            .ShouldBeGreaterThan(answer.GetProperty("p_match_current").GetDouble());
        (await VersionAsync(advisor, id)).ShouldBe(version);

        var bad = await PostAsync(advisor, $"/api/candidates/{id}/what-if", new { changes = new object[] { new { code = "win_lottery" } } }, 400);
        bad.GetProperty("errors").TryGetProperty("changes[0].code", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task state_rules_answer_409_and_archived_files_take_nothing_more()
    {
        var org = await App.CreateOrgAsync("rules");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);

        await PostAsync(advisor, $"/api/candidates/{id}/cycles/2026/outcome", new { outcome = "unmatched" }, 409);
        await PostAsync(advisor, $"/api/candidates/{id}/archive", new { reason = "left the agency" });
        var version = await VersionAsync(advisor, id);
        await PostAsync(advisor, $"/api/candidates/{id}/notes", new { text = "still here?" }, 409);
        await PostAsync(advisor, $"/api/candidates/{id}/exams", new { exam = new { exam = "step2ck", score = 230 }, taken_on = "2024-01-01" }, 409);
        (await VersionAsync(advisor, id)).ShouldBe(version);
        await PostAsync(advisor, $"/api/candidates/{Guid.NewGuid()}/notes", new { text = "nobody" }, 404);
    }

    [Fact]
    public async Task the_first_releases_names_exams_and_letters_are_still_read_and_the_new_names_are_answered_in_errors()
    {
        var org = await App.CreateOrgAsync("old-names");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);

        var exam = await PostAsync(advisor, $"/api/candidates/{id}/exams", new { exams = new { exam = "step2ck", score = 231 }, taken_on = "2024-02-01" });
        exam.GetProperty("recorded")[0].GetString().ShouldBe("exam_taken");
        var letter = await PostAsync(advisor, $"/api/candidates/{id}/letters", new { letters = new { us = true, specialty = "internal_medicine", strength = "strong" } });
        letter.GetProperty("recorded")[0].GetString().ShouldBe("letter_received");

        var file = await GetAsync(advisor, $"/api/candidates/{id}");
        file.GetProperty("exams")[0].GetProperty("score").GetInt32().ShouldBe(231);

        var bad = await PostAsync(advisor, $"/api/candidates/{id}/exams", new { exam = new { exam = "step2ck", score = 301 }, taken_on = "2024-02-01" }, 400);
        bad.GetProperty("errors").TryGetProperty("exam.score", out _).ShouldBeTrue();
        var missing = await PostAsync(advisor, $"/api/candidates/{id}/letters", new { received_on = "2024-02-01" }, 400);
        missing.GetProperty("errors").TryGetProperty("letter", out _).ShouldBeTrue();
    }
}
