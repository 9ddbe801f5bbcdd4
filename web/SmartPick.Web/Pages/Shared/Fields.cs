using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace SmartPick.Web.Pages.Shared;

/// <summary>One choice of a select list.</summary>
public sealed record Choice(string Value, string Text);

/// <summary>
/// Form fields with their label, hint and error wired for assistive technology (aria-describedby,
/// aria-invalid), so every form in the app looks and reads the same.
/// </summary>
public static class Fields
{
    private static readonly HtmlEncoder Enc = HtmlEncoder.Default;

    public static IHtmlContent Input(FormErrors errors, string name, string label, string? value, string type = "text",
        string? hint = null, bool required = false, string? extra = null, string? autocomplete = null)
    {
        var id = IdOf(name);
        var attrs = $"type=\"{type}\" id=\"{id}\" name=\"{Enc.Encode(name)}\" value=\"{Enc.Encode(value ?? "")}\""
            + (required ? " required" : "") + (autocomplete is null ? "" : $" autocomplete=\"{autocomplete}\"") + (extra is null ? "" : " " + extra);
        return Wrap(errors, name, label, hint, $"<input {attrs}{Described(errors, name, hint)}>");
    }

    public static IHtmlContent Number(FormErrors errors, string name, string label, decimal? value, string? hint = null,
        string min = "0", string max = "300", string step = "1", bool required = false)
        => Input(errors, name, label, value?.ToString(CultureInfo.InvariantCulture), "number", hint, required,
            $"min=\"{min}\" max=\"{max}\" step=\"{step}\" inputmode=\"decimal\"");

    public static IHtmlContent Select(FormErrors errors, string name, string label, string? value, IEnumerable<Choice> choices,
        string? hint = null, string? emptyText = null)
    {
        var id = IdOf(name);
        var options = new System.Text.StringBuilder();
        if (emptyText is not null) options.Append($"<option value=\"\">{Enc.Encode(emptyText)}</option>");
        foreach (var c in choices)
        {
            var selected = string.Equals(c.Value, value, StringComparison.Ordinal) ? " selected" : "";
            options.Append($"<option value=\"{Enc.Encode(c.Value)}\"{selected}>{Enc.Encode(c.Text)}</option>");
        }
        return Wrap(errors, name, label, hint,
            $"<select id=\"{id}\" name=\"{Enc.Encode(name)}\"{Described(errors, name, hint)}>{options}</select>");
    }

    public static IHtmlContent TextArea(FormErrors errors, string name, string label, string? value, string? hint = null, int maxLength = 4000)
    {
        var id = IdOf(name);
        return Wrap(errors, name, label, hint,
            $"<textarea id=\"{id}\" name=\"{Enc.Encode(name)}\" maxlength=\"{maxLength}\"{Described(errors, name, hint)}>{Enc.Encode(value ?? "")}</textarea>");
    }

    public static IHtmlContent Check(string name, string label, bool value)
    {
        var id = IdOf(name);
        return new HtmlString($"<div class=\"check\"><input type=\"checkbox\" id=\"{id}\" name=\"{Enc.Encode(name)}\" value=\"true\"{(value ? " checked" : "")}>"
            + $"<label for=\"{id}\">{Enc.Encode(label)}</label></div>");
    }

    /// <summary>The form's error summary: a focusable alert listing each problem with a link to its field.</summary>
    public static IHtmlContent Summary(FormErrors errors)
    {
        if (!errors.Any) return HtmlString.Empty;
        var sb = new System.Text.StringBuilder("<div class=\"notice error\" role=\"alert\" data-testid=\"form-errors\"><strong>Please fix the following:</strong><ul>");
        foreach (var g in errors.General) sb.Append($"<li>{Enc.Encode(g)}</li>");
        foreach (var (field, messages) in errors.Fields)
            foreach (var m in messages) sb.Append($"<li><a href=\"#{IdOf(field)}\">{Enc.Encode(m)}</a></li>");
        sb.Append("</ul></div>");
        return new HtmlString(sb.ToString());
    }

    public static string IdOf(string name) => "f-" + new string(name.Select(ch => char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray());

    private static string Described(FormErrors errors, string name, string? hint)
    {
        var id = IdOf(name);
        var ids = new List<string>();
        if (hint is not null) ids.Add(id + "-hint");
        if (errors.Has(name)) ids.Add(id + "-error");
        return (ids.Count > 0 ? $" aria-describedby=\"{string.Join(' ', ids)}\"" : "") + (errors.Has(name) ? " aria-invalid=\"true\"" : "");
    }

    private static HtmlString Wrap(FormErrors errors, string name, string label, string? hint, string control)
    {
        var id = IdOf(name);
        var sb = new System.Text.StringBuilder("<div class=\"field\">");
        sb.Append($"<label for=\"{id}\">{Enc.Encode(label)}</label>");
        if (hint is not null) sb.Append($"<span class=\"hint\" id=\"{id}-hint\">{Enc.Encode(hint)}</span>");
        if (errors.Has(name))
            sb.Append($"<span class=\"field-error\" id=\"{id}-error\">{Enc.Encode(string.Join(" ", errors.For(name)))}</span>");
        sb.Append(control).Append("</div>");
        return new HtmlString(sb.ToString());
    }
}
