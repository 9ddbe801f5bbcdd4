using SmartPick.Contracts;
using MimeKit;
using SmartPick.Nudges.Email;
using SmartPick.Nudges.Rules;
using static SmartPick.Nudges.Tests.Builders;

namespace SmartPick.Nudges.Tests;

/// <summary>
/// Hostile names in every user-controlled slot must not add a header or a recipient. Each case is
/// composed, written as it would go on the wire, and parsed back.
/// </summary>
public class HeaderInjection
{
    private static readonly DateTimeOffset Now = Utc(2026, 2, 25, 14, 5);

    private static readonly string[] ExpectedHeaders =
    [
        "From", "To", "Subject", "Date", "Message-Id", "X-SmartPick-Nudge-Key", "List-Unsubscribe",
        "List-Unsubscribe-Post", "Auto-Submitted", "MIME-Version",
    ];

    // The top-level header block also holds the body's own Content-Type.
    private static readonly string[] ExpectedTopLevelLines = [.. ExpectedHeaders, "Content-Type"];

    public static TheoryData<string> HostileNames => new()
    {
        "Eve\r\nBcc: victim@evil.test",
        "Eve\nBcc: victim@evil.test",
        "Eve\rBcc: victim@evil.test",
        "Eve\r\n\r\nInjected body",
        "Eve\r\n Bcc: folded@evil.test",
        "=?utf-8?q?a=0D=0ABcc:_x@evil.test?=",
        "=?utf-8?b?YQ0KQmNjOiB4QGV2aWwudGVzdA==?=",
        "=?us-ascii?q?Eve?= <victim@evil.test>",
        "Smith, John <john@evil.test>; Bcc: x@evil.test",
        "\"Quoted\" <quoted@evil.test>, other@evil.test",
        "Eve\u2028Bcc: x@evil.test",
        "Eve\u0085Bcc: x@evil.test",
        "Eve\u0000Bcc: x@evil.test",
        "Eve\u202E\u200Bmoc.live",
        "Eve\tTo: x@evil.test",
        new string('A', 5000) + "\r\nBcc: x@evil.test",
        string.Concat(Enumerable.Repeat("Ünïcødé 名前 ", 400)),
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void a_hostile_candidate_name_adds_no_header_or_recipient(string name)
    {
        var candidate = InterviewingIn(2026) with { Name = name };

        AssertClean(NudgeEmailComposer.Compose(RankListNudge(candidate), Sender, Token, Now));
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void a_hostile_sender_or_organization_name_adds_no_header_or_recipient(string name)
    {
        AssertClean(NudgeEmailComposer.Compose(RankListNudge(), Sender with { SenderName = name }, Token, Now));
        AssertClean(NudgeEmailComposer.Compose(RankListNudge(), Sender with { SenderName = "", OrganizationName = name }, Token, Now));
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void hostile_program_names_and_progress_lines_stay_in_the_body(string name)
    {
        var candidate = InterviewingIn(2026, null, name, "Mercy Hospital") with { ProgressLines = [name], OpenGaps = [name] };

        var message = AssertClean(NudgeEmailComposer.Compose(RankListNudge(candidate), Sender, Token, Now));

        message.TextBody!.ShouldContain("Mercy Hospital");
        message.TextBody!.ShouldNotContain("\nBcc:");
    }

    [Theory]
    [InlineData("victim@example.test\r\nBcc: other@evil.test")]
    [InlineData("victim@example.test\nBcc: other@evil.test")]
    [InlineData("victim@example.test, other@evil.test")]
    [InlineData("victim@example.test;other@evil.test")]
    [InlineData("Victim <victim@example.test>")]
    [InlineData("<victim@example.test>")]
    [InlineData("group: a@example.test, b@example.test;")]
    [InlineData("victim@example.test (comment)")]
    [InlineData("no-at-sign")]
    [InlineData("a@b@c")]
    [InlineData("")]
    public void a_recipient_address_that_is_not_one_bare_address_is_refused(string email)
    {
        var candidate = InterviewingIn(2026) with { Email = email };
        var nudge = new Nudge(new NudgeKey(Tenant, CandidateId, NudgeKind.RankList, 2026, 7), candidate, Season2026, Calendar.Milestone.RankOrderListDeadline, Utc(2026, 2, 25, 14), "America/New_York");

        Should.Throw<ArgumentException>(() => NudgeEmailComposer.Compose(nudge, Sender, Token, Now));
    }

    [Theory]
    [InlineData("nudges@acme.example\r\nBcc: x@evil.test")]
    [InlineData("Acme <nudges@acme.example>")]
    [InlineData("nudges@acme.example, x@evil.test")]
    public void a_sender_address_that_is_not_one_bare_address_is_refused(string from)
    {
        Should.Throw<ArgumentException>(() => NudgeEmailComposer.Compose(RankListNudge(), Sender with { FromAddress = from }, Token, Now));
    }

    [Fact]
    public void an_encoded_word_lookalike_in_a_name_reads_back_as_plain_text_not_decoded()
    {
        var candidate = InterviewingIn(2026) with { Name = "=?utf-8?q?a=0D=0ABcc:_x@evil.test?=" };

        var message = MimeRoundTrip.Reparse(NudgeEmailComposer.Compose(RankListNudge(candidate), Sender, Token, Now));

        message.To.Mailboxes.Single().Name.ShouldBe("= ?utf-8?q?a=0D=0ABcc:_x@evil.test?=");
    }

    [Fact]
    public void a_very_long_name_is_shortened_on_a_character_boundary()
    {
        var candidate = InterviewingIn(2026) with { Name = string.Concat(Enumerable.Repeat("👩‍⚕️", 200)) };

        var name = MimeRoundTrip.Reparse(NudgeEmailComposer.Compose(RankListNudge(candidate), Sender, Token, Now)).To.Mailboxes.Single().Name!;

        name.Length.ShouldBeLessThanOrEqualTo(HeaderText.MaxNameLength);
        name.ShouldEndWith("👩‍⚕️…");
    }

    [Fact]
    public void cleaning_collapses_line_breaks_and_controls_into_single_spaces()
    {
        HeaderText.Clean("  Eve\r\n\tBcc:\u0000 x\u2028y  ").ShouldBe("Eve Bcc: x y");
    }

    [Fact]
    public void cleaning_drops_bidi_overrides_but_keeps_joiners_that_names_need()
    {
        HeaderText.Clean("Eve\u202Elive\u200B").ShouldBe("Evelive");
        HeaderText.Clean("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645").ShouldBe("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
    }

    private static MimeMessage AssertClean(MimeMessage composed)
    {
        var raw = MimeRoundTrip.Raw(composed);
        var headerBlock = raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var parsed = MimeRoundTrip.Parse(raw);

        parsed.Headers.Select(h => h.Field).ShouldBe(ExpectedHeaders, ignoreOrder: true);
        parsed.GetRecipients().ShouldHaveSingleItem().Address.ShouldBe("amina@example.test");
        parsed.From.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("nudges@acme.example");
        parsed.Bcc.ShouldBeEmpty();
        parsed.Cc.ShouldBeEmpty();
        parsed.ReplyTo.ShouldBeEmpty();
        foreach (var mailbox in parsed.From.Mailboxes.Concat(parsed.To.Mailboxes))
        {
            mailbox.Name!.ShouldNotContain('\r');
            mailbox.Name!.ShouldNotContain('\n');
        }

        // Every physical header line is a new field or a folded continuation; none starts a smuggled field.
        foreach (var line in headerBlock.Split("\r\n"))
        {
            (line.StartsWith(' ') || line.StartsWith('\t') || ExpectedTopLevelLines.Any(h => line.StartsWith(h + ":", StringComparison.OrdinalIgnoreCase)))
                .ShouldBeTrue($"unexpected header line: {line}");
        }

        raw.ShouldNotContain("\nBcc:", Case.Insensitive);
        return parsed;
    }
}
