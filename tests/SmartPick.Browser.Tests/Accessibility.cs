using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using Xunit.Sdk;

namespace SmartPick.Browser.Tests;

/// <summary>
/// axe-core run in the page as it stands (WCAG 2.0 and 2.1, levels A and AA), reported in words a reader can act on.
/// No rule is switched off: a page that fails one is fixed instead.
/// </summary>
/// <remarks>
/// The axe-core bundled with Deque.AxeCore.Commons, run with <c>axe.run</c> in the page itself. Deque.AxeCore.Playwright's
/// <c>RunAxe</c> finishes every run in a new browser page and carries each passing element's result through the test
/// and back: 2–7 s a check here against 0.1–1 s, for the same findings on pages without frames (ours have none).
/// </remarks>
public static class Accessibility
{
    private static readonly object WcagAA = new
    {
        runOnly = new { type = "tag", values = new[] { "wcag2a", "wcag2aa", "wcag21a", "wcag21aa" } },
        // Only what fails comes back; the passing elements would be most of the answer.
        resultTypes = new[] { "violations" },
    };

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        const string resource = "Deque.AxeCore.Commons.Resources.axe.min.js";
        using var stream = typeof(AxeResult).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not in Deque.AxeCore.Commons any more.");
        return new StreamReader(stream).ReadToEnd();
    });

    private const int NodesShown = 3;

    /// <summary>What axe finds wrong on the page, one paragraph per rule broken; empty when nothing is.</summary>
    public static async Task<string> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(AxeSource.Value);
        var json = await page.EvaluateAsync<string>("async options => JSON.stringify(await window.axe.run(document, options))", WcagAA);
        var result = new AxeResult(JObject.Parse(json));
        var report = new StringBuilder();
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.Nodes.Length} element(s)] {violation.HelpUrl}");
            foreach (var node in violation.Nodes.Take(NodesShown))
            {
                report.AppendLine($"    at {node.Target}: {Shorten(node.Html)}");
                if (Why(node) is { Length: > 0 } why) report.AppendLine("      " + Shorten(why));
            }
            if (violation.Nodes.Length > NodesShown) report.AppendLine($"    … and {violation.Nodes.Length - NodesShown} more");
        }
        return report.ToString();
    }

    /// <summary>axe's own words for the failure: one of the "any" checks would do; every "all" and "none" one must.</summary>
    private static string Why(AxeResultNode node)
    {
        var any = string.Join(" or ", node.Any.Select(c => c.Message));
        var every = string.Join("; ", node.All.Concat(node.None).Select(c => c.Message));
        return string.Join("; ", new[] { any, every }.Where(s => s.Length > 0));
    }

    private static string Shorten(string text) => text.Length <= 240 ? text : text[..240] + "…";
}

/// <summary>
/// One pass over several pages: each is checked and photographed at every width, and the pass fails at the end naming
/// every violation of every page, so one run shows all there is to fix.
/// </summary>
public sealed class AccessibilityPass(RunningApp app, params int[] widths)
{
    private readonly StringBuilder _report = new();

    /// <summary>
    /// At each width: a full-page screenshot of the page as it is shown, kept as <c>&lt;name&gt;-&lt;width&gt;.png</c>; then
    /// axe, with every folded section opened for it (what is inside must be accessible too) and closed again after.
    /// The page is left at the first width.
    /// </summary>
    public async Task CheckAsync(IPage page, string name)
    {
        foreach (var width in widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            await app.ScreenshotAsync(page, $"{name}-{width}");
            await page.EvaluateAsync("() => { window.closedForAxe = [...document.querySelectorAll('details:not([open])')]; window.closedForAxe.forEach(d => d.open = true); }");
            var violations = await Accessibility.ViolationsAsync(page);
            await page.EvaluateAsync("() => window.closedForAxe.forEach(d => d.open = false)");
            if (violations.Length > 0) _report.Append($"{name} at {width} px ({new Uri(page.Url).PathAndQuery}):\n{violations}");
            // WCAG 1.4.10 (reflow), which axe cannot see: the page itself never scrolls sideways (a wide table may, in its own region).
            var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (pageWidth > width) _report.Append($"{name} at {width} px ({new Uri(page.Url).PathAndQuery}):\n- the page is {pageWidth} px wide and scrolls sideways\n");
            // On a phone a table fits its width too, unless it is a comparison meant to scroll (data-scrolls on its wrapper).
            if (width < 600)
            {
                var wide = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('.table-wrap:not([data-scrolls])')]
                        .filter(w => w.offsetParent !== null && w.scrollWidth > w.clientWidth + 1)
                        .map(w => (w.querySelector('caption')?.textContent ?? w.querySelector('table')?.dataset.testid ?? 'a table').trim().slice(0, 60) + ` (${w.scrollWidth} px in ${w.clientWidth})`)
                    """);
                foreach (var table in wide) _report.Append($"{name} at {width} px ({new Uri(page.Url).PathAndQuery}):\n- scrolls sideways: {table}\n");
            }
        }
        await page.SetViewportSizeAsync(widths[0], 900);
    }

    /// <summary>Fails, listing each violation (rule, impact, help, the first elements), when any page had one.</summary>
    public void ShouldBeClean()
    {
        if (_report.Length > 0) throw new XunitException("axe-core finds accessibility violations:\n" + _report);
    }
}
