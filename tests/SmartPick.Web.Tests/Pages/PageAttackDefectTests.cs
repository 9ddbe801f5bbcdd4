using System.Text;
using Alba;
using Shouldly;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

/// <summary>
/// Defects the page attacks (tests/SmartPick.Attacks, docs/reliability.md) found, each kept from coming back: bad
/// input to a page gets the form again with a 4xx and the field's error, and the form reader's silent repairs of
/// broken text are refused like the broken text itself.
/// </summary>
public sealed class PageAttackDefectTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task a_sign_in_form_without_an_email_or_password_is_a_400_with_the_fields_errors()
    {
        var (status, page) = await PostSignInAsync("Email=&Password=");

        status.ShouldBe(400, page);
        page.ShouldContain("data-testid=\"form-errors\"");
        page.ShouldContain("Enter your email address.");
        page.ShouldContain("aria-invalid=\"true\"");
    }

    [Fact]
    public async Task a_sign_in_with_a_wrong_password_is_a_401_with_the_form_and_its_message()
    {
        var (status, page) = await PostSignInAsync($"Email=nobody-{Guid.NewGuid():N}%40example.org&Password=Wrong-Password-2026");

        status.ShouldBe(401, page);
        page.ShouldContain("The email or password is not correct.");
        page.ShouldContain("name=\"Password\"");
    }

    [Theory]
    [InlineData("lone surrogate", "a%ED%A0%80b")]
    [InlineData("invalid UTF-8", "a%C3%28b")]
    [InlineData("stray byte", "a%FFb")]
    public async Task a_form_field_whose_bytes_are_not_utf8_is_refused_naming_the_field_not_stored_with_replacement_characters(string what, string encoded)
    {
        var (status, page) = await PostSignInAsync($"Email={encoded}%40example.org&Password=Wrong-Password-2026");

        status.ShouldBe(400, $"{what}: {page}");
        page.ShouldContain("<strong>Email</strong> must not contain control characters");
        page.ShouldNotContain("The email or password is not correct.");
    }

    [Fact]
    public async Task an_empty_specialty_choice_in_the_preferences_form_is_refused_and_the_file_still_opens()
    {
        var org = await App.CreateOrgAsync("pad");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor, "Dr. Empty Choice");

        // The form's empty choice binds to a list of one missing element: it was stored, and the file's timeline
        // then failed to build on every later read (500 on the file page).
        var fields = new Dictionary<string, string> { ["prefs.TargetSpecialties"] = "" };
        var answer = await App.SubmitAs(advisor, $"/candidates/{id}", $"/candidates/{id}?handler=Preferences", fields, 400);

        (await answer.ReadAsTextAsync()).ShouldContain("data-testid=\"form-errors\"");
        await App.PageAs(advisor, $"/candidates/{id}");
    }

    [Fact]
    public async Task a_form_refused_because_the_file_was_archived_meanwhile_shows_why()
    {
        var org = await App.CreateOrgAsync("pae");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor, "Dr. Archived Meanwhile");
        // The form is open in the browser; meanwhile someone else archives the file.
        var page = $"/candidates/{id}";
        await As(advisor, x =>
        {
            x.Post.Json(new { reason = "moved to another agency" }).ToUrl($"/api/candidates/{id}/archive");
            x.StatusCodeShouldBeSuccess();
        });

        var note = await App.SubmitAs(advisor, page, $"{page}?handler=Note", new Dictionary<string, string> { ["note.Text"] = "Called today" }, 409);
        var unconfirmed = await App.SubmitAs(advisor, page, $"{page}?handler=Archive", new Dictionary<string, string> { ["archive.Reason"] = "again" }, 400);

        (await note.ReadAsTextAsync()).ShouldContain("data-testid=\"form-errors\"");
        (await unconfirmed.ReadAsTextAsync()).ShouldContain("Tick the box to confirm");
    }

    private async Task<string> OpenFileAsync(TestUser advisor, string name)
    {
        var opened = await As(advisor, x =>
        {
            x.Post.Json(new
            {
                name, email = $"file-{Guid.NewGuid():N}@example.org", medical_school_country = "Egypt", img_type = "non_us_img",
                visa_need = "j1", year_of_graduation = 2019, target_specialties = new[] { "internal_medicine" },
            }).ToUrl("/api/candidates");
            x.StatusCodeShouldBe(201);
        });
        return (await opened.ReadAsJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task a_choice_the_form_does_not_offer_is_a_field_error_not_its_default()
    {
        var org = await App.CreateOrgAsync("pac");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor, "Dr. Odd Choice");
        var file = $"/candidates/{id}";

        // A tick box's value replaced by other text was read as the box's default (a letter from the US became
        // one recorded as such without the advisor saying so; research lost its US collaborators), and a pass/fail
        // choice the form does not offer as "not stated".
        var letter = await App.SubmitAs(advisor, file, file + "?handler=Letter",
            new Dictionary<string, string> { ["letter.Us"] = "perhaps", ["letter.Strength"] = "Strong" }, 400);
        var page = await letter.ReadAsTextAsync();
        page.ShouldContain("data-testid=\"form-errors\"");
        page.ShouldContain("&#x27;perhaps&#x27; is not one of the values this form offers");
        var exam = await App.SubmitAs(advisor, file, file + "?handler=Exam",
            new Dictionary<string, string> { ["exam.Kind"] = "Step1", ["exam.Passed"] = "perhaps" }, 400);
        (await exam.ReadAsTextAsync()).ShouldContain("Result: choose one of the choices offered.");

        var profile = await (await As(advisor, x => x.Get.Url($"/api/candidates/{id}"))).ReadAsJsonAsync<System.Text.Json.JsonElement>();
        profile.GetProperty("letters").GetArrayLength().ShouldBe(0);
        profile.GetProperty("exams").GetArrayLength().ShouldBe(0);

        // The candidate's own reminders: an unreadable tick was read as "off".
        var candidate = await App.CreateUserAsync(org, SmartPick.Contracts.SmartPickRoles.Candidate, Guid.Parse(id));
        var reminders = await App.SubmitAs(candidate, "/me/nudges", "/me/nudges?handler=Preferences",
            new Dictionary<string, string> { ["Reapplication"] = "perhaps", ["RankList"] = "true" }, 400);
        (await reminders.ReadAsTextAsync()).ShouldContain("data-testid=\"form-errors\"");
        var kept = await (await As(candidate, x => x.Get.Url("/api/me/nudges"))).ReadAsJsonAsync<System.Text.Json.JsonElement>();
        kept.GetProperty("reapplication").GetBoolean().ShouldBeTrue();
    }

    /// <summary>Posts <paramref name="fields"/> (already url-encoded) to /signin as a browser does: antiforgery pair from a GET first.</summary>
    private async Task<(int Status, string Page)> PostSignInAsync(string fields)
    {
        var address = AppFixture.ClientAddress();
        var get = await Host.Scenario(x =>
        {
            x.Get.Url("/signin");
            x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = address);
        });
        var token = System.Text.RegularExpressions.Regex.Match(await get.ReadAsTextAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = get.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        var body = $"{fields}&__RequestVerificationToken={Uri.EscapeDataString(token)}";
        var result = await Host.Scenario(x =>
        {
            x.Post.Url("/signin");
            x.ConfigureHttpContext(c =>
            {
                c.Connection.RemoteIpAddress = address;
                c.Request.ContentType = "application/x-www-form-urlencoded";
                c.Request.Body = new MemoryStream(Encoding.ASCII.GetBytes(body));
                c.Request.ContentLength = body.Length;
            });
            x.WithRequestHeader("Cookie", cookie);
            x.WithRequestHeader("Accept", "text/html");
            x.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }
}
