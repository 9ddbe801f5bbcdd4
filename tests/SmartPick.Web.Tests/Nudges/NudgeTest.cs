using SmartPick.Web.Mail;
using System.Text.Json;
using Marten;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using SmartPick.Nudges.Store;
using SmartPick.Nudges.Sweeps;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Nudges;

/// <summary>
/// Base of the nudge scenarios: an organization whose mail goes to a real SMTP server in the test
/// process (its own relay setting), candidate files arranged from their facts, and sweeps at simulated instants.
/// </summary>
public abstract class NudgeTest(AppFixture app) : AppTest(app), IAsyncLifetime
{
    private static readonly RecordedBy Advisor = new("advisor-1", "Test advisor");

    protected TestSmtpServer Smtp { get; } = new();

    protected TestOrg Org { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Org = await OrgWithMailAsync();
    }

    public async Task DisposeAsync() => await Smtp.DisposeAsync();

    /// <summary>A new organization that sends through <see cref="Smtp"/>.</summary>
    protected async Task<TestOrg> OrgWithMailAsync(string prefix = "nudge")
    {
        var org = await App.CreateOrgAsync(prefix);
        await using var session = App.Session(org);
        session.Store(new OrganizationSmtpRelay { Host = "127.0.0.1", Port = Smtp.Port, UseStartTls = false, FromAddress = "nudges@agency.test" });
        await session.SaveChangesAsync();
        return org;
    }

    /// <summary>Opens a candidate file with the given facts after the opening one.</summary>
    protected async Task<Guid> CandidateAsync(string name, params Func<Guid, object>[] facts) => await CandidateInAsync(Org, name, facts);

    protected async Task<Guid> CandidateInAsync(TestOrg org, string name, params Func<Guid, object>[] facts)
    {
        var id = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        object[] events =
        [
            new CandidateFileOpened(id, name, EmailOf(name), "India", ImgType.NonUsImg, VisaNeed.J1, 2018, ["internal_medicine"], [], [], null, null, Advisor, at),
            .. facts.Select(f => f(id)),
        ];
        await using var session = App.Session(org);
        session.Events.StartStream<CandidateFile>(id, events);
        await session.SaveChangesAsync();
        return id;
    }

    protected static string EmailOf(string name) => $"{name.ToLowerInvariant().Replace(' ', '.')}@candidates.test";

    protected static Func<Guid, object> Started(int season) => id => new CycleStarted(id, season, Advisor, DateTimeOffset.UtcNow);

    protected static Func<Guid, object> Interview(int season, string program) =>
        id => new InterviewInvited(id, season, program, new DateOnly(season - 1, 11, 1), Advisor, DateTimeOffset.UtcNow);

    protected static Func<Guid, object> Certified(int season) =>
        id => new RankListCertified(id, season, 5, new DateOnly(season, 2, 20), Advisor, DateTimeOffset.UtcNow);

    protected static Func<Guid, object> Unmatched(int season) => id => new CycleUnmatched(id, season, Advisor, DateTimeOffset.UtcNow);

    protected static Func<Guid, object> Matched(int season) => id => new CycleMatched(id, season, "IM-001", Advisor, DateTimeOffset.UtcNow);

    protected async Task<NudgeSweepReport> SweepAsync(DateTimeOffset asOf, TestOrg? org = null)
    {
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NudgeSweeper>().SweepAsync(new SweepNudges((org ?? Org).Slug, asOf), CancellationToken.None);
    }

    /// <summary>One sweep a day at 15:00 UTC (after 9:00 in New York) from <paramref name="first"/> to <paramref name="last"/>.</summary>
    protected async Task<List<string>> SweepDailyAsync(DateOnly first, DateOnly last)
    {
        var sent = new List<string>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            sent.AddRange((await SweepAsync(new DateTimeOffset(day.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero))).Sent);
        }

        return sent;
    }

    protected async Task<NudgeDelivery?> DeliveryAsync(string key)
    {
        await using var session = App.Session(Org);
        return await session.LoadAsync<NudgeDelivery>(key);
    }

    /// <summary>The nudge entries of a candidate's timeline, read through the staff API.</summary>
    protected async Task<List<JsonElement>> TimelineNudgesAsync(Guid candidateId, TestOrg? org = null)
    {
        var advisor = await App.AdvisorAsync(org ?? Org);
        var result = await As(advisor, x => x.Get.Url($"/api/candidates/{candidateId}/timeline"));
        var json = await result.ReadAsJsonAsync<JsonElement>();
        var found = new List<JsonElement>();
        Collect(json, found);
        return found;
    }

    private static void Collect(JsonElement element, List<JsonElement> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "nudge_sent")
                {
                    found.Add(element);
                }

                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, found);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, found);
                }

                break;
        }
    }

    protected static string KeyHeader(MimeKit.MimeMessage message) => message.Headers["X-SmartPick-Nudge-Key"] ?? "";

    protected static string UnsubscribeTokenOf(MimeKit.MimeMessage message)
    {
        var header = message.Headers["List-Unsubscribe"] ?? throw new InvalidOperationException("no List-Unsubscribe header");
        var url = header.Split(',')[0].Trim().Trim('<', '>');
        return url[(url.LastIndexOf("/u/", StringComparison.Ordinal) + 3)..];
    }

    protected Task<TestUser> CandidateUserAsync(Guid candidateId, TestOrg? org = null) =>
        App.CreateUserAsync(org ?? Org, SmartPickRoles.Candidate, candidateId);
}
