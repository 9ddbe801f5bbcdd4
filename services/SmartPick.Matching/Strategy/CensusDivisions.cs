namespace SmartPick.Matching.Strategy;

/// <summary>A US census division, as ERAS geographic preferences name them.</summary>
public sealed record CensusDivision(string Key, string Name, IReadOnlyList<string> States);

/// <summary>The nine US census divisions; an applicant may name up to three of them as geographic preferences, or none.</summary>
public static class CensusDivisions
{
    public static readonly IReadOnlyList<CensusDivision> All =
    [
        new("new_england", "New England", ["CT", "ME", "MA", "NH", "RI", "VT"]),
        new("middle_atlantic", "Middle Atlantic", ["NJ", "NY", "PA"]),
        new("east_north_central", "East North Central", ["IL", "IN", "MI", "OH", "WI"]),
        new("west_north_central", "West North Central", ["IA", "KS", "MN", "MO", "NE", "ND", "SD"]),
        new("south_atlantic", "South Atlantic", ["DE", "DC", "FL", "GA", "MD", "NC", "SC", "VA", "WV"]),
        new("east_south_central", "East South Central", ["AL", "KY", "MS", "TN"]),
        new("west_south_central", "West South Central", ["AR", "LA", "OK", "TX"]),
        new("mountain", "Mountain", ["AZ", "CO", "ID", "MT", "NV", "NM", "UT", "WY"]),
        new("pacific", "Pacific", ["AK", "CA", "HI", "OR", "WA"]),
    ];

    private static readonly Dictionary<string, int> IndexOfState = All
        .SelectMany((d, i) => d.States.Select(s => (s, i))).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);

    private static readonly Dictionary<string, CensusDivision> ByKeyMap = All.ToDictionary(d => d.Key, StringComparer.Ordinal);

    /// <summary>The division's index in <see cref="All"/> of a state, −1 for territories and unknown states.</summary>
    public static int IndexOf(string state) => IndexOfState.GetValueOrDefault(state, -1);

    public static CensusDivision? ByKey(string key) => ByKeyMap.GetValueOrDefault(key);

    public static bool IsKnown(string key) => ByKeyMap.ContainsKey(key);
}
