using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Advising;

public sealed class ConcurrencyAndIdempotencyTests(AppFixture app) : AdvisingTest(app)
{
    [Fact]
    public async Task parallel_writers_lose_no_event_and_every_loser_is_told()
    {
        var org = await App.CreateOrgAsync("race");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        await SettledListAsync(advisor, id);
        var token = await App.TokenAsync(advisor);

        var attempts = Enumerable.Range(1, 8).Select(i => Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", $"Bearer {token}");
            x.Post.Json(new { text = $"note {i}" }).ToUrl($"/api/candidates/{id}/notes");
            x.IgnoreStatusCode();
        })).ToList();
        var results = await Task.WhenAll(attempts);
        var statuses = results.Select(r => r.Context.Response.StatusCode).ToList();

        statuses.ShouldAllBe(s => s == 200 || s == 409);
        statuses.Count(s => s == 200).ShouldBeGreaterThan(0);
        var accepted = new List<string>();
        for (var i = 0; i < results.Length; i++)
            if (statuses[i] == 200) accepted.Add($"note {i + 1}");

        var notes = (await GetAsync(advisor, $"/api/candidates/{id}/timeline")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "advisor_note_added").Select(e => e.GetProperty("summary").GetString()!).ToList();
        notes.ShouldBe(accepted, ignoreOrder: true);
    }

    [Fact]
    public async Task a_stale_expected_version_is_412_from_the_body_or_if_match()
    {
        var org = await App.CreateOrgAsync("stale");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        await SettledListAsync(advisor, id);
        var version = await VersionAsync(advisor, id);

        var ok = await PostAsync(advisor, $"/api/candidates/{id}/notes", new { text = "first", expected_version = version });
        ok.GetProperty("version").GetInt64().ShouldBe(version + 1);

        var stale = await PostAsync(advisor, $"/api/candidates/{id}/notes", new { text = "second", expected_version = version }, 412);
        stale.GetProperty("current_version").GetInt64().ShouldBe(version + 1);

        await As(advisor, x =>
        {
            x.Post.Json(new { text = "third" }).ToUrl($"/api/candidates/{id}/notes");
            x.WithRequestHeader("If-Match", $"\"{version}\"");
            x.StatusCodeShouldBe(412);
        });
        await As(advisor, x =>
        {
            x.Post.Json(new { text = "fourth" }).ToUrl($"/api/candidates/{id}/notes");
            x.WithRequestHeader("If-Match", $"\"{version + 1}\"");
            x.StatusCodeShouldBe(200);
        });
        (await VersionAsync(advisor, id)).ShouldBe(version + 2);
    }

    [Fact]
    public async Task a_repeated_request_with_the_same_idempotency_key_gets_the_first_answer_and_records_nothing_new()
    {
        var org = await App.CreateOrgAsync("idem");
        var advisor = await App.AdvisorAsync(org);
        var key = Guid.NewGuid().ToString();

        async Task<(int, string, string)> Open() 
        {
            var r = await As(advisor, x =>
            {
                x.Post.Json(NewFile("Once Only", "once@example.org")).ToUrl("/api/candidates");
                x.WithRequestHeader("Idempotency-Key", key);
                x.IgnoreStatusCode();
            });
            return (r.Context.Response.StatusCode, await r.ReadAsTextAsync(), r.Context.Response.Headers.Location.ToString());
        }

        var first = await Open();
        var second = await Open();
        first.Item1.ShouldBe(201);
        second.ShouldBe(first);
        var id = JsonDocument.Parse(first.Item2).RootElement.GetProperty("id").GetGuid();
        (await GetAsync(advisor, "/api/candidates?q=once")).GetProperty("total").GetInt64().ShouldBe(1);

        async Task<string> Note(string text)
        {
            var r = await As(advisor, x =>
            {
                x.Post.Json(new { text }).ToUrl($"/api/candidates/{id}/notes");
                x.WithRequestHeader("Idempotency-Key", "note-1");
                x.IgnoreStatusCode();
            });
            return $"{r.Context.Response.StatusCode} {await r.ReadAsTextAsync()}";
        }
        var n1 = await Note("call the candidate");
        (await Note("call the candidate")).ShouldBe(n1);
        (await Note("something else")).ShouldStartWith("422");
        (await GetAsync(advisor, $"/api/candidates/{id}/timeline")).GetProperty("entries").EnumerateArray()
            .Count(e => e.GetProperty("kind").GetString() == "advisor_note_added").ShouldBe(1);
    }
}
