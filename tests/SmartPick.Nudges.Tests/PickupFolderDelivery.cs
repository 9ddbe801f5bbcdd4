using SmartPick.Nudges.Email;
using static SmartPick.Nudges.Tests.Builders;

namespace SmartPick.Nudges.Tests;

public sealed class PickupFolderDelivery : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"smartpick-mail-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task a_nudge_is_written_as_an_eml_file_named_after_its_key()
    {
        var nudge = RankListNudge();
        var message = NudgeEmailComposer.Compose(nudge, Sender, Token, Utc(2026, 2, 25, 14, 5));

        var outcome = await new PickupFolderNudgeMailer(folder).SendAsync(message);

        outcome.ShouldBeOfType<DeliveryOutcome.Sent>();
        var file = Directory.GetFiles(folder).ShouldHaveSingleItem();
        Path.GetFileName(file).ShouldBe($"nudge_acme_{CandidateId:N}_rank-list_2026_7d.eml");
        var parsed = MimeRoundTrip.Parse(await File.ReadAllBytesAsync(file));
        parsed.MessageId.ShouldBe(message.MessageId);
        parsed.TextBody!.ShouldContain("Mercy Hospital - Internal Medicine");
    }

    [Fact]
    public async Task the_same_nudge_twice_leaves_one_file_untouched_and_another_step_adds_a_file()
    {
        var mailer = new PickupFolderNudgeMailer(folder);
        var first = NudgeEmailComposer.Compose(RankListNudge(), Sender, Token, Utc(2026, 2, 25, 14, 5));
        var again = NudgeEmailComposer.Compose(RankListNudge(), Sender, Token, Utc(2026, 2, 25, 18, 0));
        var next = NudgeEmailComposer.Compose(RankListNudge(offsetDays: 2), Sender, Token, Utc(2026, 3, 2, 14, 5));

        await mailer.SendAsync(first);
        var path = Directory.GetFiles(folder).Single();
        var written = await File.ReadAllBytesAsync(path);
        (await mailer.SendAsync(again)).ShouldBeOfType<DeliveryOutcome.Sent>();
        await mailer.SendAsync(next);

        (await File.ReadAllBytesAsync(path)).ShouldBe(written);
        Directory.GetFiles(folder, "*.eml").Length.ShouldBe(2);
        Directory.GetFiles(folder, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public void the_development_default_folder_is_data_mail()
    {
        new PickupFolderNudgeMailer().Folder.ShouldEndWith(Path.Combine(".data", "mail"));
    }
}

public class RetryPolicies
{
    private static readonly DeliveryOutcome Temporary = new DeliveryOutcome.TemporaryFailure("busy", 451);

    [Fact]
    public void the_default_waits_1_4_and_16_seconds_then_gives_up()
    {
        var policy = RetryPolicy.Default;

        policy.MaxAttempts.ShouldBe(4);
        policy.NextDelay(1, Temporary).ShouldBe(TimeSpan.FromSeconds(1));
        policy.NextDelay(2, Temporary).ShouldBe(TimeSpan.FromSeconds(4));
        policy.NextDelay(3, Temporary).ShouldBe(TimeSpan.FromSeconds(16));
        policy.NextDelay(4, Temporary).ShouldBeNull();
    }

    [Fact]
    public void success_and_permanent_failures_are_never_retried()
    {
        RetryPolicy.Default.NextDelay(1, new DeliveryOutcome.Sent("250 ok")).ShouldBeNull();
        RetryPolicy.Default.NextDelay(1, new DeliveryOutcome.PermanentFailure("550", 550, true)).ShouldBeNull();
    }

    [Fact]
    public async Task the_retry_loop_waits_on_the_given_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var mailer = new ScriptedMailer(Temporary, new DeliveryOutcome.Sent("250 ok"));

        var sending = RetryingDelivery.SendAsync(mailer, new MimeKit.MimeMessage(), RetryPolicy.Default, clock);

        mailer.Attempts.ShouldBe(1);
        sending.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        sending.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var (outcome, attempts) = await sending.WaitAsync(TimeSpan.FromSeconds(10));
        outcome.ShouldBeOfType<DeliveryOutcome.Sent>();
        attempts.ShouldBe(2);
    }

    private sealed class ScriptedMailer(params DeliveryOutcome[] outcomes) : INudgeMailer
    {
        public int Attempts { get; private set; }

        public Task<DeliveryOutcome> SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken = default) =>
            Task.FromResult(outcomes[Math.Min(Attempts++, outcomes.Length - 1)]);
    }
}
