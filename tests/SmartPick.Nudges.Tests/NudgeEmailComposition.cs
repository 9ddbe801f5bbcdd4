using MimeKit;
using MimeKit.Text;
using SmartPick.Nudges.Email;
using SmartPick.Nudges.Rules;
using static SmartPick.Nudges.Tests.Builders;

namespace SmartPick.Nudges.Tests;

public class NudgeEmailComposition
{
    private static readonly DateTimeOffset Now = Utc(2026, 2, 25, 14, 5);

    private static MimeMessage Compose(Nudge nudge, NudgeSender? sender = null) =>
        MimeRoundTrip.Reparse(NudgeEmailComposer.Compose(nudge, sender ?? Sender, Token, Now));

    [Fact]
    public void a_rank_list_nudge_is_multipart_alternative_with_text_and_html_both_naming_the_programs()
    {
        var message = Compose(RankListNudge());

        var alternative = message.Body.ShouldBeOfType<MultipartAlternative>();
        alternative.Count.ShouldBe(2);
        var text = alternative.OfType<TextPart>().Single(p => p.IsPlain);
        var html = alternative.OfType<TextPart>().Single(p => p.IsHtml);
        foreach (var part in new[] { text.Text, html.Text })
        {
            part.ShouldContain("Mercy Hospital - Internal Medicine");
            part.ShouldContain("Wednesday, March 4, 2026 at 9:00 PM");
        }

        html.Text.ShouldContain("St. Luke&#x27;s - Family Medicine");
        text.Text.ShouldContain("St. Luke's - Family Medicine");
        message.Subject.ShouldBe("Certify your rank order list by March 4, 2026");
    }

    [Fact]
    public void it_goes_to_exactly_one_recipient_from_the_organization_sender()
    {
        var message = Compose(RankListNudge());

        var to = message.GetRecipients().ShouldHaveSingleItem();
        to.Address.ShouldBe("amina@example.test");
        message.To.Mailboxes.Single().Name.ShouldBe("Amina Rahman");
        message.Cc.ShouldBeEmpty();
        message.Bcc.ShouldBeEmpty();
        var from = message.From.Mailboxes.ShouldHaveSingleItem();
        from.Address.ShouldBe("nudges@acme.example");
        from.Name.ShouldBe("Acme Advising Team");
    }

    [Fact]
    public void it_carries_one_click_unsubscribe_the_nudge_key_and_a_message_id_from_the_key()
    {
        var nudge = RankListNudge();
        var message = Compose(nudge);

        message.Headers[HeaderId.ListUnsubscribe].ShouldBe(
            $"<https://app.smartpick.example/u/{Token.Value}>, <mailto:unsubscribe@acme.example?subject=unsubscribe%20{Token.Value}>");
        message.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        message.Headers[NudgeEmailComposer.NudgeKeyHeader].ShouldBe(nudge.Key.ToString());
        message.MessageId.ShouldBe(nudge.Key.MessageId("acme.example"));
        message.Date.ShouldBe(Now);
        message.Headers["Auto-Submitted"].ShouldBe("auto-generated");
    }

    [Fact]
    public void composing_the_same_nudge_twice_gives_the_same_message_id_and_another_step_a_different_one()
    {
        var first = NudgeEmailComposer.Compose(RankListNudge(offsetDays: 7), Sender, Token, Now);
        var again = NudgeEmailComposer.Compose(RankListNudge(offsetDays: 7), Sender, Token, Now.AddMinutes(30));
        var later = NudgeEmailComposer.Compose(RankListNudge(offsetDays: 2), Sender, Token, Now);

        again.MessageId.ShouldBe(first.MessageId);
        later.MessageId.ShouldNotBe(first.MessageId);
    }

    [Fact]
    public void without_an_unsubscribe_mailbox_the_url_form_alone_is_listed()
    {
        var message = Compose(RankListNudge(), Sender with { UnsubscribeMailbox = null, UnsubscribeBaseUrl = "https://app.smartpick.example/" });

        message.Headers[HeaderId.ListUnsubscribe].ShouldBe($"<https://app.smartpick.example/u/{Token.Value}>");
    }

    [Fact]
    public void a_reapplication_nudge_lists_progress_and_open_gaps_in_both_parts()
    {
        var message = Compose(ReapplicationNudge());

        message.Subject.ShouldBe("ERAS opens June 4, 2025: plan your 2026 Match application");
        foreach (var body in new[] { message.TextBody!, message.HtmlBody! })
        {
            body.ShouldContain("Step 2 CK passed (238)");
            body.ShouldContain("No US letter of recommendation yet");
            body.ShouldContain("Acme Advising");
        }
    }

    [Fact]
    public void both_nudges_carry_the_candidates_outlook_when_the_file_has_one_and_say_nothing_of_chances_otherwise()
    {
        const string headline = "2 interviews so far, about 1.5 more expected: 52% chance to match.";
        foreach (var nudge in new[] { ReapplicationNudge(UnmatchedIn(2025) with { Outlook = headline }), RankListNudge(InterviewingIn(2026, null, "Mercy Hospital - Internal Medicine") with { Outlook = headline }) })
        {
            var message = Compose(nudge);
            message.TextBody!.ShouldContain("Your outlook: " + headline);
            message.HtmlBody!.ShouldContain("Your outlook: " + headline);
        }
        Compose(ReapplicationNudge()).TextBody!.ShouldNotContain("Your outlook");
    }

    [Fact]
    public void html_special_characters_in_user_text_are_encoded_not_interpreted()
    {
        var candidate = InterviewingIn(2026, null, "<script>alert(1)</script> & <b>Co</b>") with { Name = "<img src=x onerror=alert(1)>" };

        var html = Compose(RankListNudge(candidate)).HtmlBody!;

        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("<b>Co");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;");
    }

    [Fact]
    public void the_dates_in_the_body_are_in_the_recipient_zone()
    {
        var message = Compose(RankListNudge(InterviewingIn(2026, "Asia/Kolkata")));

        message.TextBody!.ShouldContain("Thursday, March 5, 2026 at 7:30 AM (UTC+05:30, Asia/Kolkata)");
        message.Subject.ShouldBe("Certify your rank order list by March 5, 2026");
    }

    [Fact]
    public void a_token_of_another_tenant_is_refused()
    {
        var foreign = UnsubscribeToken.Create("globex", new byte[16]);

        Should.Throw<ArgumentException>(() => NudgeEmailComposer.Compose(RankListNudge(), Sender, foreign, Now));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/path")]
    [InlineData("https://app.example/?next=evil")]
    public void an_unsubscribe_base_that_is_not_a_plain_absolute_web_url_is_refused(string baseUrl)
    {
        Should.Throw<ArgumentException>(() => NudgeEmailComposer.Compose(RankListNudge(), Sender with { UnsubscribeBaseUrl = baseUrl }, Token, Now));
    }
}
