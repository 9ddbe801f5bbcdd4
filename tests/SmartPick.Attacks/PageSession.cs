using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SmartPick.Attacks;

/// <summary>One form of a page as a browser would send it: where it posts, and its fields with the values the page shows.</summary>
public sealed record PageForm(string Page, string Action, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    /// <summary>Per field, what kind of input shows it (<c>number 1..300</c>, <c>date</c>, <c>checkbox true</c>, <c>text</c>…), to fill it plausibly.</summary>
    public IReadOnlyDictionary<string, string> Kinds { get; init; } = new Dictionary<string, string>();

    /// <summary>The names of the form's file inputs (a form with one posts as multipart/form-data).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The page handler the form posts to (<c>?handler=Note</c>), or "" for the page's own POST.</summary>
    public string Handler => QueryValue(Action, "handler") ?? "";

    public override string ToString() => $"POST {Action}";

    public static string? QueryValue(string url, string name)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0) return null;
        foreach (var pair in url[(query + 1)..].Split('#')[0].Split('&'))
        {
            var parts = pair.Split('=', 2);
            if (string.Equals(parts[0], name, StringComparison.OrdinalIgnoreCase)) return parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
        }
        return null;
    }
}

/// <summary>What the pages' HTML holds for the attacks: the POST forms (fields and values) and the antiforgery field.</summary>
public static class PageHtml
{
    public const string AntiforgeryField = "__RequestVerificationToken";
    private static readonly HtmlParser Parser = new();

    /// <summary>Every <c>method="post"</c> form of <paramref name="html"/> (the page at <paramref name="pagePath"/>), the antiforgery field left out.</summary>
    public static IReadOnlyList<PageForm> PostForms(string pagePath, string html)
    {
        var document = Parser.ParseDocument(html);
        var forms = new List<PageForm>();
        foreach (var form in document.Forms)
        {
            if (!string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase)) continue;
            var action = form.GetAttribute("action");
            action = string.IsNullOrEmpty(action) ? pagePath : action.StartsWith('?') ? pagePath.Split('?')[0] + action : action;
            var fields = new List<KeyValuePair<string, string>>();
            var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
            var files = new List<string>();
            foreach (var element in form.Elements)
            {
                switch (element)
                {
                    case IHtmlInputElement { Type: "file" } file when !string.IsNullOrEmpty(file.Name):
                        files.Add(file.Name);
                        break;
                    case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Name != AntiforgeryField:
                        if (input.Type is "checkbox" or "radio" && !input.IsChecked && fields.Any(f => f.Key == input.Name)) break;
                        if (input.Type is "submit" or "button" or "file" or "image" or "reset") break;
                        fields.Add(new(input.Name, input.Type is "checkbox" or "radio" && !input.IsChecked ? "" : input.Value));
                        // The first input of a name says its kind (a checkbox's hidden "false" companion comes after it).
                        kinds.TryAdd(input.Name, input.Type switch
                        {
                            "number" => $"number {input.GetAttribute("min")}..{input.GetAttribute("max")} {input.GetAttribute("step")}".Trim(),
                            "checkbox" or "radio" => $"{input.Type} {input.Value}",
                            _ => input.Type ?? "text",
                        });
                        break;
                    case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                        var chosen = select.Options.FirstOrDefault(o => o.IsSelected && o.Value.Length > 0)
                                     ?? select.Options.FirstOrDefault(o => o.Value.Length > 0);
                        fields.Add(new(select.Name, chosen?.Value ?? ""));
                        break;
                    case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                        fields.Add(new(area.Name, area.Value));
                        break;
                }
            }
            forms.Add(new PageForm(pagePath.Split('?')[0], action, fields) { Kinds = kinds, Files = files });
        }
        return forms;
    }

    /// <summary>The antiforgery token the page carries (the value of its hidden field), or null.</summary>
    public static string? Antiforgery(string html)
    {
        var document = Parser.ParseDocument(html);
        return document.QuerySelector($"input[name='{AntiforgeryField}']")?.GetAttribute("value");
    }

    /// <summary>A form body, <c>application/x-www-form-urlencoded</c>; values already encoded are passed as they are.</summary>
    /// <summary>
    /// A multipart/form-data body as a browser sends a form with files: the fields as text parts, then each file as a
    /// part with its file name and content type; returns the body and its content type (with the boundary).
    /// </summary>
    public static (byte[] Body, string ContentType) Multipart(IEnumerable<KeyValuePair<string, string>> fields,
        IEnumerable<(string Name, string FileName, string ContentType, byte[] Content)> files)
    {
        var boundary = "----SmartPickAttack" + Guid.NewGuid().ToString("N");
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        foreach (var (name, value) in fields)
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        foreach (var (name, fileName, contentType, content) in files)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: {contentType}\r\n\r\n");
            body.Write(content);
            Write("\r\n");
        }
        Write($"--{boundary}--\r\n");
        return (body.ToArray(), "multipart/form-data; boundary=" + boundary);
    }

    public static byte[] Encode(IEnumerable<KeyValuePair<string, string>> fields, IReadOnlySet<int>? rawIndexes = null)
    {
        var s = new StringBuilder();
        var i = 0;
        foreach (var (name, value) in fields)
        {
            if (s.Length > 0) s.Append('&');
            s.Append(Uri.EscapeDataString(name)).Append('=').Append(rawIndexes?.Contains(i) == true ? value : Uri.EscapeDataString(value));
            i++;
        }
        return Encoding.ASCII.GetBytes(s.ToString());
    }
}

/// <summary>
/// An actor signed in to the pages the way a browser is: through the sign-in form, with the sign-in cookie and the
/// antiforgery cookie and token it was given. Anonymous has only the antiforgery pair. Requests ask for HTML, as a
/// browser does, so errors come as the browser's pages.
/// </summary>
public sealed class PageSession
{
    private PageSession(Actor actor, string cookies, string token)
    {
        Actor = actor;
        Cookies = cookies;
        Token = token;
    }

    public Actor Actor { get; }
    /// <summary>The <c>Cookie</c> header: the sign-in cookie (if any) and the antiforgery cookie.</summary>
    public string Cookies { get; }
    /// <summary>A valid antiforgery token for this session's forms.</summary>
    public string Token { get; }

    public override string ToString() => Actor.ToString();

    public static async Task<PageSession> SignInAsync(AttackHttp http, Actor actor, string? password)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        var signIn = await SendAsync(http, HttpMethod.Get, "/signin", "", null, null);
        Keep(signIn, cookies);
        var token = PageHtml.Antiforgery(signIn.Body) ?? throw new InvalidOperationException("The sign-in page has no antiforgery field");
        if (actor.Email is not null)
        {
            var body = PageHtml.Encode([new("Email", actor.Email), new("Password", password ?? ""), new(PageHtml.AntiforgeryField, token)]);
            var posted = await SendAsync(http, HttpMethod.Post, "/signin", Header(cookies), body, "application/x-www-form-urlencoded");
            Keep(posted, cookies);
            if (posted.Status != 302 || !cookies.ContainsKey("smartpick"))
                throw new InvalidOperationException($"Signing in {actor} through /signin answered {posted.Status}: {posted.Body[..Math.Min(400, posted.Body.Length)]}");
            // The antiforgery token is bound to the signed-in user: take one from a page of the session.
            var account = await SendAsync(http, HttpMethod.Get, "/account", Header(cookies), null, null);
            Keep(account, cookies);
            token = PageHtml.Antiforgery(account.Body) ?? throw new InvalidOperationException($"/account as {actor} answered {account.Status} without a form");
        }
        return new PageSession(actor, Header(cookies), token);
    }

    public Task<Answer> GetAsync(AttackHttp http, string path, CancellationToken ct = default) =>
        SendAsync(http, HttpMethod.Get, path, Cookies, null, null, null, ct);

    public Task<Answer> PostAsync(AttackHttp http, string path, byte[]? body, string? contentType, CancellationToken ct = default) =>
        SendAsync(http, HttpMethod.Post, path, Cookies, body, contentType, null, ct);

    /// <summary>The form posted as it is, with this session's antiforgery token.</summary>
    public Task<Answer> SubmitAsync(AttackHttp http, PageForm form, CancellationToken ct = default) =>
        PostAsync(http, form.Action, PageHtml.Encode(form.Fields.Append(new(PageHtml.AntiforgeryField, Token))), "application/x-www-form-urlencoded", ct);

    public static Task<Answer> SendAsync(AttackHttp http, HttpMethod method, string path, string cookies, byte[]? body, string? contentType,
        IReadOnlyDictionary<string, string>? extra = null, CancellationToken ct = default)
    {
        var headers = new Dictionary<string, string> { ["Accept"] = "text/html,application/xhtml+xml" };
        if (cookies.Length > 0) headers["Cookie"] = cookies;
        foreach (var (name, value) in extra ?? new Dictionary<string, string>()) headers[name] = value;
        return http.SendAsync(method, path, null, body, contentType, headers, ct);
    }

    /// <summary>Where a redirect answer points (its <c>Location</c>), or null.</summary>
    public static string? Location(Answer answer) =>
        answer.Headers.Split('\n').FirstOrDefault(h => h.StartsWith("Location:", StringComparison.OrdinalIgnoreCase))?["Location:".Length..].Trim();

    private static void Keep(Answer answer, Dictionary<string, string> cookies)
    {
        foreach (var line in answer.Headers.Split('\n').Where(h => h.StartsWith("Set-Cookie:", StringComparison.OrdinalIgnoreCase)))
        {
            // HttpClient joins several Set-Cookie headers with ", "; cookie values here hold no comma.
            foreach (var cookie in line["Set-Cookie:".Length..].Split(", ").Select(c => c.Split(';')[0].Trim()))
            {
                var eq = cookie.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) continue;
                var name = cookie[..eq];
                if (name is "smartpick" or "smartpick.af" || name.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)) cookies[name] = cookie[(eq + 1)..];
            }
        }
    }

    private static string Header(Dictionary<string, string> cookies) => string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value));
}
