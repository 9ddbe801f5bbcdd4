using System.Text.Json;
using Shouldly;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Nudges;

public sealed class UnsubscribeLinks(AppFixture app) : NudgeTest(app)
{
    private static readonly DateTimeOffset FourteenDaysBefore = new(2027, 2, 18, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SevenDaysBefore = new(2027, 2, 25, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task when_the_link_is_opened_with_get_nothing_changes_and_a_post_without_a_session_unsubscribes()
    {
        var candidate = await CandidateAsync("Una Unsub", Started(2027), Interview(2027, "IM-1"));
        await SweepAsync(FourteenDaysBefore);
        var token = UnsubscribeTokenOf(Smtp.Messages.ShouldHaveSingleItem());

        var user = await CandidateUserAsync(candidate);
        var page = await Host.Scenario(x => x.Get.Url($"/u/{token}"));
        var confirmation = await Host.Scenario(x =>
        {
            x.Get.Url($"/u/{token}");
            x.WithRequestHeader("Accept", "application/json");
        });
        var afterGet = await (await As(user, x => x.Get.Url("/api/me/nudges"))).ReadAsJsonAsync<JsonElement>();

        (await page.ReadAsTextAsync()).ShouldContain("<form method=\"post\"");
        (await confirmation.ReadAsJsonAsync<JsonElement>()).GetProperty("already_unsubscribed").GetBoolean().ShouldBeFalse();
        afterGet.GetProperty("rank_list").GetBoolean().ShouldBeTrue();

        await Host.Scenario(x =>
        {
            x.Post.FormData(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }).ToUrl($"/u/{token}");
            x.StatusCodeShouldBe(200);
        });
        var afterPost = await SweepAsync(SevenDaysBefore);

        // Unsubscribed from every kind: the rules plan nothing for the candidate any more.
        afterPost.Sent.ShouldBeEmpty();
        Smtp.Messages.Count.ShouldBe(1);
        var settings = await (await As(user, x => x.Get.Url("/api/me/nudges"))).ReadAsJsonAsync<JsonElement>();
        settings.GetProperty("rank_list").GetBoolean().ShouldBeFalse();
        settings.GetProperty("reapplication").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task when_the_api_unsubscribe_is_posted_without_a_session_it_answers_which_kinds_are_off()
    {
        await CandidateAsync("Api Unsub", Started(2027), Interview(2027, "IM-1"));
        await SweepAsync(FourteenDaysBefore);
        var token = UnsubscribeTokenOf(Smtp.Messages.ShouldHaveSingleItem());

        var result = await Host.Scenario(x => x.Post.Json(new { }).ToUrl($"/api/nudges/unsubscribe/{token}"));

        var answer = await result.ReadAsJsonAsync<JsonElement>();
        answer.GetProperty("unsubscribed").GetBoolean().ShouldBeTrue();
        answer.GetProperty("opted_out").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task when_a_token_is_unknown_forged_or_moved_to_another_tenant_the_answer_is_not_found()
    {
        await CandidateAsync("Iso Lated", Started(2027), Interview(2027, "IM-1"));
        await SweepAsync(FourteenDaysBefore);
        var token = UnsubscribeTokenOf(Smtp.Messages.ShouldHaveSingleItem());
        var other = await App.CreateOrgAsync("other");
        var parts = token.Split('.');
        var movedToOtherTenant = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(other.Slug))}.{parts[2]}";
        var forged = SmartPick.Nudges.Email.UnsubscribeToken.NewRandom(Org.Slug).Value;

        foreach (var bad in new[] { movedToOtherTenant, forged, "u1.garbage", token[..^2] })
        {
            await Host.Scenario(x => { x.Get.Url($"/u/{bad}"); x.StatusCodeShouldBe(404); });
            await Host.Scenario(x => { x.Post.Json(new { }).ToUrl($"/u/{bad}"); x.StatusCodeShouldBe(404); });
            await Host.Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/nudges/unsubscribe/{bad}"); x.StatusCodeShouldBe(404); });
        }

        (await SweepAsync(SevenDaysBefore)).Sent.ShouldHaveSingleItem();
    }
}
