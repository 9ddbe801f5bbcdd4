using SmartPick.Nudges.Email;
using SmartPick.Nudges.Feeds;

namespace SmartPick.Nudges.Tests;

public class Tokens
{
    private static readonly byte[] Secret = Enumerable.Range(100, 16).Select(i => (byte)i).ToArray();

    [Fact]
    public void an_unsubscribe_token_names_its_tenant_and_parses_back_without_a_session()
    {
        var token = UnsubscribeToken.Create("acme-health", Secret);

        UnsubscribeToken.TryParse(token.Value, out var parsed).ShouldBeTrue();
        parsed.Tenant.ShouldBe("acme-health");
        parsed.ShouldBe(token);
        token.Value.ShouldStartWith("u1.");
        token.Value.ShouldMatch("^[A-Za-z0-9._-]+$");
    }

    [Fact]
    public void fresh_tokens_carry_256_random_bits_and_differ()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => UnsubscribeToken.NewRandom("acme").Value).ToList();

        tokens.Distinct().Count().ShouldBe(100);
        tokens[0].Split('.')[2].Length.ShouldBe(43);
    }

    [Fact]
    public void fewer_than_128_random_bits_are_refused()
    {
        Should.Throw<ArgumentException>(() => UnsubscribeToken.Create("acme", new byte[15]));
        Should.Throw<ArgumentException>(() => CalendarFeedToken.Create("acme", new byte[8]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("u1.YWNtZQ")]
    [InlineData("u1.YWNtZQ.c2hvcnQ")]
    [InlineData("u2.YWNtZQ.ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo")]
    [InlineData("u1.YWNtZQ==.ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo")]
    [InlineData("u1.YSBi.ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo")]
    [InlineData("u1.!!!.ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo")]
    public void malformed_or_tampered_tokens_do_not_parse(string value)
    {
        UnsubscribeToken.TryParse(value, out _).ShouldBeFalse();
    }

    [Fact]
    public void a_well_formed_token_with_a_valid_tenant_parses()
    {
        // "acme" and 23 random-looking bytes: the shape the malformed cases above break one part at a time.
        UnsubscribeToken.TryParse("u1.YWNtZQ.ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo", out var token).ShouldBeTrue();
        token.Tenant.ShouldBe("acme");
    }

    [Fact]
    public void an_unsubscribe_token_is_not_a_feed_token_and_vice_versa()
    {
        var unsubscribe = UnsubscribeToken.Create("acme", Secret);
        var feed = CalendarFeedToken.Create("acme", Secret);

        CalendarFeedToken.TryParse(unsubscribe.Value, out _).ShouldBeFalse();
        UnsubscribeToken.TryParse(feed.Value, out _).ShouldBeFalse();
        CalendarFeedToken.TryParse(feed.Value, out var parsed).ShouldBeTrue();
        parsed.Tenant.ShouldBe("acme");
    }

    [Fact]
    public void storage_keeps_a_hash_that_does_not_contain_the_secret()
    {
        var token = UnsubscribeToken.Create("acme", Secret);

        token.Hash().ShouldMatch("^[0-9a-f]{64}$");
        token.Hash().ShouldBe(UnsubscribeToken.Create("acme", Secret).Hash());
        token.Hash().ShouldNotBe(UnsubscribeToken.Create("globex", Secret).Hash());
        token.Hash().ShouldNotContain(token.Value.Split('.')[2]);
    }

    [Fact]
    public void a_tenant_outside_the_safe_alphabet_cannot_be_put_in_a_token()
    {
        Should.Throw<ArgumentException>(() => UnsubscribeToken.Create("acme\r\nx", Secret));
    }
}
