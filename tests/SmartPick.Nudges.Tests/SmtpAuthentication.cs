using SmartPick.Nudges.Email;
using static SmartPick.Nudges.Tests.Builders;

namespace SmartPick.Nudges.Tests;

public sealed class SmtpAuthentication : IAsyncLifetime
{
    private readonly InProcessSmtpServer server = new(("relay-user", "s3cret"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await server.DisposeAsync();

    private SmtpNudgeMailer Mailer(string? user, string? password) => new(new SmtpSettings
    {
        Host = "127.0.0.1",
        Port = server.Port,
        UseStartTls = false,
        UserName = user,
        Password = password,
        FromAddress = "bounces@acme.example",
        Timeout = TimeSpan.FromSeconds(10),
    });

    private static MimeKit.MimeMessage Message() => NudgeEmailComposer.Compose(RankListNudge(), Sender, Token, Utc(2026, 2, 25, 14, 5));

    [Fact]
    public async Task with_the_right_credentials_the_relay_accepts_the_nudge()
    {
        (await Mailer("relay-user", "s3cret").SendAsync(Message())).ShouldBeOfType<DeliveryOutcome.Sent>();

        server.Messages.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task wrong_credentials_are_a_permanent_failure_that_does_not_blame_the_recipient()
    {
        var outcome = await Mailer("relay-user", "wrong").SendAsync(Message());

        outcome.ShouldBeOfType<DeliveryOutcome.PermanentFailure>().SuppressRecipient.ShouldBeFalse();
        server.Messages.ShouldBeEmpty();
    }
}
