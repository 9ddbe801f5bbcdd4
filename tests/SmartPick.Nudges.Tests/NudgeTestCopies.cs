using SmartPick.Nudges.Email;
using SmartPick.Nudges.Sweeps;
using static SmartPick.Nudges.Tests.Builders;

namespace SmartPick.Nudges.Tests;

public class NudgeTestCopies
{
    private static readonly DateTimeOffset Now = Utc(2026, 2, 25, 14, 5);

    [Fact]
    public void a_test_copy_is_the_same_message_to_the_admin_marked_as_a_test_without_the_key_its_message_id_or_unsubscribe_headers()
    {
        var nudge = RankListNudge();
        var real = NudgeEmailComposer.Compose(nudge, Sender, Token, Now);

        var copy = MimeRoundTrip.Reparse(NudgeMessagePreview.TestCopy(nudge, Sender, "Ada Admin", "ada@acme.example", Now));

        copy.To.Mailboxes.Single().Address.ShouldBe("ada@acme.example");
        copy.Subject.ShouldBe("[Test] " + real.Subject);
        copy.From.Mailboxes.Single().Address.ShouldBe("nudges@acme.example");
        (copy.TextBody ?? "").ShouldContain("Mercy Hospital - Internal Medicine");
        (copy.HtmlBody ?? "").ShouldContain("Mercy Hospital - Internal Medicine");
        copy.Headers[NudgeEmailComposer.NudgeKeyHeader].ShouldBeNull();
        copy.Headers["List-Unsubscribe"].ShouldBeNull();
        copy.MessageId.ShouldNotBe(real.MessageId);
        copy.MessageId.ShouldEndWith("@acme.example");
    }

    [Fact]
    public void a_test_copy_to_an_address_with_a_header_break_is_refused()
    {
        Should.Throw<ArgumentException>(() => NudgeMessagePreview.TestCopy(RankListNudge(), Sender, "Ada", "ada@acme.example\r\nBcc: x@evil.test", Now));
    }
}
