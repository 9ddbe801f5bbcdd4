using System.Reflection;

namespace SmartPick.Advising.Tests;

/// <summary>
/// Replays events through the same public convention methods Marten calls (Create, then Apply), so a view
/// can be checked without a database. The database tests prove Marten calls them the same way.
/// </summary>
public static class Replay
{
    public static TView Projection<TProjection, TView>(params object[] events) where TProjection : new() where TView : class
    {
        var projection = new TProjection();
        TView? view = null;
        foreach (var e in Story.Flat(events))
        {
            if (view is null)
            {
                var create = Find(typeof(TProjection), "Create", e.GetType());
                if (create is not null) { view = (TView)create.Invoke(create.IsStatic ? null : projection, [e])!; }
                continue;
            }
            var apply = Find(typeof(TProjection), "Apply", e.GetType(), typeof(TView));
            if (apply is null) continue;
            var args = apply.GetParameters()[0].ParameterType == typeof(TView) ? new object[] { view, e } : [e, view];
            apply.Invoke(projection, args);
        }
        return view ?? throw new InvalidOperationException("No event created the view.");
    }

    /// <summary>A self-aggregating type: static Create(event), instance Apply(event).</summary>
    public static T Aggregate<T>(params object[] events) where T : class
    {
        T? state = null;
        foreach (var e in events)
        {
            if (state is null)
            {
                var create = Find(typeof(T), "Create", e.GetType());
                if (create is not null) state = (T)create.Invoke(null, [e])!;
                continue;
            }
            Find(typeof(T), "Apply", e.GetType())?.Invoke(state, [e]);
        }
        return state ?? throw new InvalidOperationException("No event created the aggregate.");
    }

    private static MethodInfo? Find(Type type, string name, Type eventType, Type? viewType = null)
        => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == name && Matches(m.GetParameters(), eventType, viewType));

    private static bool Matches(ParameterInfo[] ps, Type eventType, Type? viewType) => viewType is null
        ? ps.Length == 1 && ps[0].ParameterType == eventType
        : ps.Length == 2 && ps.Any(p => p.ParameterType == eventType) && ps.Any(p => p.ParameterType == viewType);
}
