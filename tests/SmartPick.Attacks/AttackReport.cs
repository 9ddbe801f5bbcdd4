using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SmartPick.Attacks;

/// <summary>
/// What an attack saw: answers counted by status, by route and by role, and its findings (each one a defect:
/// a 5xx, another tenant's data in an answer, a write accepted on someone else's id, a broken stream…).
/// </summary>
public sealed class AttackReport(string name)
{
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentDictionary<string, int> _counters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, int>> _byRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _findings = new();
    private int _requests;

    public string Name { get; } = name;
    public int Requests => _requests;
    public TimeSpan Duration { get; set; }
    public IReadOnlyDictionary<int, int> Statuses => _statuses;
    public IReadOnlyCollection<string> Findings => _findings;

    /// <summary>Findings of one kind (the text before the first colon), counted.</summary>
    public IReadOnlyDictionary<string, int> FindingKinds =>
        _findings.GroupBy(f => f.Split(':')[0]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public int Counter(string counter) => _counters.GetValueOrDefault(counter);

    public void Count(string route, int status)
    {
        Interlocked.Increment(ref _requests);
        _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        _byRoute.GetOrAdd(route, _ => new ConcurrentDictionary<int, int>()).AddOrUpdate(status, 1, (_, n) => n + 1);
    }

    public void Add(string counter, int by = 1) => _counters.AddOrUpdate(counter, by, (_, n) => n + by);

    /// <summary>Records a defect as "kind: detail"; the detail is cut so one huge answer cannot flood the report.</summary>
    public void Finding(string kind, string detail) => _findings.Enqueue($"{kind}: {(detail.Length > 600 ? detail[..600] + "…" : detail)}");

    public bool Clean => _findings.IsEmpty;

    public string Describe(int maxFindings = 30)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(inv, $"{Name}: {Requests} requests in {Duration.TotalSeconds:F1} s; {_findings.Count} finding(s).");
        s.AppendLine("Status counts: " + string.Join(", ", _statuses.OrderBy(k => k.Key).Select(k => $"{k.Key} × {k.Value}")));
        foreach (var (counter, value) in _counters.OrderBy(c => c.Key, StringComparer.Ordinal)) s.AppendLine(inv, $"{counter}: {value}");
        foreach (var (kind, count) in FindingKinds.OrderBy(k => k.Key, StringComparer.Ordinal)) s.AppendLine(inv, $"Findings, {kind}: {count}");
        foreach (var finding in _findings.Take(maxFindings)) s.AppendLine("- " + finding);
        return s.ToString();
    }

    /// <summary>Per route, the statuses seen (a markdown table).</summary>
    public string RouteTable()
    {
        var s = new StringBuilder("| Route | Answers |\n|---|---|\n");
        foreach (var (route, statuses) in _byRoute.OrderBy(r => r.Key, StringComparer.Ordinal))
            s.Append("| `").Append(route).Append("` | ").Append(string.Join(", ", statuses.OrderBy(k => k.Key).Select(k => $"{k.Key} × {k.Value}"))).Append(" |\n");
        return s.ToString();
    }
}
