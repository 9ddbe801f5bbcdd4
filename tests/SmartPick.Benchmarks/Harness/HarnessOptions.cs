using System.Globalization;
using Npgsql;

namespace SmartPick.Benchmarks.Harness;

/// <summary>A command line the harness cannot run with; the message says what to change.</summary>
public sealed class HarnessUsageException(string message) : Exception(message);

/// <summary>
/// The harnesses' options as <c>--name value</c> pairs (e.g. <c>--clients 16 --duration 60</c>); each command reads
/// the ones it uses with its own default. The cluster comes from <c>ConnectionStrings__postgres</c> (or
/// <c>--connection</c>); each command works in a database of its own on that cluster (<c>--database</c>).
/// </summary>
public sealed class HarnessOptions
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private HarnessOptions(Dictionary<string, string> values) => _values = values;

    public static HarnessOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new HarnessUsageException($"Unexpected argument '{args[i]}'; options are --name value.");
            var name = args[i][2..];
            // A flag without a value (e.g. --keep-database) is "true".
            values[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
        return new HarnessOptions(values);
    }

    public int Int(string name, int fallback)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text)) return fallback;
        return int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new HarnessUsageException($"--{name} must be a whole number, not '{text}'.");
    }

    public string Text(string name, string fallback)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var text) ? text : fallback;
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var text) && text != "false";
    }

    /// <summary>Refuses options the command did not read, so a typo is not silently a default.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0) throw new HarnessUsageException("Unknown option(s): " + string.Join(", ", unknown.Select(u => "--" + u)));
    }

    /// <summary>The connection string of <paramref name="database"/> on the configured cluster.</summary>
    public string ConnectionTo(string database)
    {
        var cs = Text("connection", Environment.GetEnvironmentVariable("ConnectionStrings__postgres") ?? "");
        if (string.IsNullOrWhiteSpace(cs))
        {
            throw new HarnessUsageException(
                "Set ConnectionStrings__postgres (e.g. export ConnectionStrings__postgres=\"$(infra/postgres/cluster url)\") or pass --connection.");
        }
        return new NpgsqlConnectionStringBuilder(cs) { Database = database }.ConnectionString;
    }
}
