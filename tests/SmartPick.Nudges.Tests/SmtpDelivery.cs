using MimeKit;
using SmartPick.Nudges.Email;
using static SmartPick.Nudges.Tests.Builders;

namespace SmartPick.Nudges.Tests;

public sealed class SmtpDelivery : IAsyncLifetime
{
    private readonly InProcessSmtpServer server = new();
    private SmtpNudgeMailer mailer = null!;

    public Task InitializeAsync()
    {
        mailer = new SmtpNudgeMailer(new SmtpSettings
        {
            Host = "127.0.0.1",
            Port = server.Port,
            UseStartTls = false,
            FromAddress = "bounces@acme.example",
            Timeout = TimeSpan.FromSeconds(10),
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static MimeMessage Message() => NudgeEmailComposer.Compose(RankListNudge(), Sender, Token, Utc(2026, 2, 25, 14, 5));

    [Fact]
    public async Task a_sent_nudge_arrives_intact_over_a_real_smtp_conversation()
    {
        var message = Message();

        var outcome = await mailer.SendAsync(message);

        outcome.ShouldBeOfType<DeliveryOutcome.Sent>();
        var received = server.Messages.ShouldHaveSingleItem();
        received.EnvelopeFrom.ShouldBe("bounces@acme.example");
        received.EnvelopeTo.ShouldBe(["amina@example.test"]);

        var parsed = MimeRoundTrip.Parse(received.Data);
        parsed.MessageId.ShouldBe(message.MessageId);
        parsed.Headers[NudgeEmailComposer.NudgeKeyHeader].ShouldBe(message.Headers[NudgeEmailComposer.NudgeKeyHeader]);
        parsed.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        parsed.Headers[HeaderId.ListUnsubscribe]!.ShouldContain($"https://app.smartpick.example/u/{Token.Value}");
        parsed.Body.ShouldBeOfType<MultipartAlternative>();
        parsed.TextBody!.ShouldContain("Mercy Hospital - Internal Medicine");
        parsed.HtmlBody!.ShouldContain("Mercy Hospital - Internal Medicine");
        parsed.To.Mailboxes.Single().Name.ShouldBe("Amina Rahman");
    }

    [Fact]
    public async Task a_4xx_is_a_temporary_failure_that_the_retry_policy_retries_until_it_succeeds()
    {
        server.RecipientReplies.Enqueue(451);
        server.RecipientReplies.Enqueue(451);

        var (outcome, attempts) = await RetryingDelivery.SendAsync(mailer, Message(), RetryPolicy.Immediate(3), TimeProvider.System);

        outcome.ShouldBeOfType<DeliveryOutcome.Sent>();
        attempts.ShouldBe(3);
        server.RecipientCommands.ShouldBe(3);
        server.Messages.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task a_single_4xx_reports_a_temporary_failure_with_its_code()
    {
        server.RecipientReplies.Enqueue(450);

        var outcome = await mailer.SendAsync(Message());

        outcome.ShouldBeOfType<DeliveryOutcome.TemporaryFailure>().SmtpStatusCode.ShouldBe(450);
        server.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_5xx_on_the_recipient_is_permanent_suppresses_the_address_and_is_not_retried()
    {
        server.RecipientReplies.Enqueue(550);

        var (outcome, attempts) = await RetryingDelivery.SendAsync(mailer, Message(), RetryPolicy.Immediate(3), TimeProvider.System);

        var failure = outcome.ShouldBeOfType<DeliveryOutcome.PermanentFailure>();
        failure.SmtpStatusCode.ShouldBe(550);
        failure.SuppressRecipient.ShouldBeTrue();
        attempts.ShouldBe(1);
        server.RecipientCommands.ShouldBe(1);
        server.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_5xx_after_the_data_is_permanent()
    {
        server.DataReplies.Enqueue(554);

        var outcome = await mailer.SendAsync(Message());

        outcome.ShouldBeOfType<DeliveryOutcome.PermanentFailure>().SmtpStatusCode.ShouldBe(554);
    }

    [Fact]
    public async Task a_4xx_that_never_clears_gives_up_after_the_last_retry()
    {
        for (var i = 0; i < 10; i++)
        {
            server.RecipientReplies.Enqueue(451);
        }

        var (outcome, attempts) = await RetryingDelivery.SendAsync(mailer, Message(), RetryPolicy.Immediate(3), TimeProvider.System);

        outcome.ShouldBeOfType<DeliveryOutcome.TemporaryFailure>();
        attempts.ShouldBe(4);
        server.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_server_that_is_not_listening_is_a_temporary_failure()
    {
        var nowhere = new SmtpNudgeMailer(new SmtpSettings { Host = "127.0.0.1", Port = ClosedPort(), UseStartTls = false, FromAddress = "bounces@acme.example", Timeout = TimeSpan.FromSeconds(5) });

        var outcome = await nowhere.SendAsync(Message());

        outcome.ShouldBeOfType<DeliveryOutcome.TemporaryFailure>();
    }

    [Fact]
    public async Task a_message_with_more_than_one_recipient_is_refused_before_connecting()
    {
        var message = Message();
        message.Cc.Add(new MailboxAddress("", "other@example.test"));

        await Should.ThrowAsync<ArgumentException>(() => mailer.SendAsync(message));
        server.RecipientCommands.ShouldBe(0);
    }

    private static int ClosedPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
