using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SmartPick.Web.Tests.Architecture;

/// <summary>A reference from one folder of a module to another, with the first type reference that makes it.</summary>
public sealed record FolderEdge(string From, string To, string FromType, string ToType);

/// <summary>A cycle of folders, as a chain that ends where it starts, with one example reference per step.</summary>
public sealed record FolderCycle(IReadOnlyList<FolderEdge> Steps)
{
    public string Chain => string.Join(" -> ", Steps.Select(s => s.From).Append(Steps[0].From));

    public override string ToString() =>
        Chain + string.Concat(Steps.Select(s => $"\n    {s.From} -> {s.To}: {s.FromType} uses {s.ToType}"));
}

/// <summary>A page model that calls into a Wolverine endpoint type instead of the module's own services.</summary>
public sealed record PageCall(string PageType, string Caller, string EndpointType, string Called, bool CalledIsEndpoint)
{
    public override string ToString() =>
        $"{PageType}: {Caller} calls {EndpointType}.{Called}{(CalledIsEndpoint ? " (an endpoint method)" : "")}";
}

/// <summary>
/// The compiled module assemblies as a graph of folders: the namespaces one level below the assembly's root
/// (<c>SmartPick.Advising.CandidateFiles</c> is the folder <c>CandidateFiles</c>, every deeper namespace belongs to it).
/// The root namespace itself (the module's registration class, the web host's <c>Modules</c>) is the top of the
/// module and is left out of the graph; <c>SmartPick.Web.Pages.*</c> is one folder, <c>Pages</c>, and is checked like
/// the others. Types outside the root namespace (compiled Razor views, compiler helpers) are left out.
/// </summary>
public static class ModuleGraph
{
    public static readonly string[] Modules = ["SmartPick.Advising", "SmartPick.Catalog", "SmartPick.Matching", "SmartPick.Nudges", "SmartPick.Web"];

    private static readonly string[] EndpointAttributes =
        ["WolverineGetAttribute", "WolverinePostAttribute", "WolverinePutAttribute", "WolverineDeleteAttribute", "WolverinePatchAttribute"];

    private static readonly Dictionary<string, ModuleDefinition> Loaded = [];

    /// <summary>The module as compiled next to the tests (every module is referenced through the web host).</summary>
    public static ModuleDefinition Load(string module)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(module, out var loaded))
            {
                var path = Path.Combine(AppContext.BaseDirectory, module + ".dll");
                Loaded[module] = loaded = ModuleDefinition.ReadModule(path, new ReaderParameters { ReadSymbols = false });
            }
            return loaded;
        }
    }

    /// <summary>Every reference between two different folders of <paramref name="module"/>, the first example of each.</summary>
    public static IReadOnlyList<FolderEdge> Edges(string module)
    {
        var assembly = Load(module);
        var edges = new Dictionary<(string, string), FolderEdge>();
        foreach (var type in AllTypes(assembly).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (FolderOf(module, type) is not { } from) continue;
            foreach (var used in References(type).SelectMany(Parts))
            {
                if (!IsDefinedIn(used, assembly) || FolderOf(module, used) is not { } to || to == from) continue;
                edges.TryAdd((from, to), new FolderEdge(from, to, NameOf(type), NameOf(used)));
            }
        }
        return [.. edges.Values.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The folder cycles of <paramref name="module"/>: for each reference inside a strongly connected group of folders,
    /// the shortest way back, each cycle once.
    /// </summary>
    public static IReadOnlyList<FolderCycle> Cycles(string module) => Cycles(Edges(module));

    public static IReadOnlyList<FolderCycle> Cycles(IReadOnlyList<FolderEdge> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.ToList());
        var cycles = new Dictionary<string, FolderCycle>(StringComparer.Ordinal);
        foreach (var edge in edges)
        {
            if (ShortestPath(edge.To, edge.From, next) is not { } back) continue;
            List<FolderEdge> steps = [edge, .. back];
            // The same cycle found from another of its steps starts elsewhere: keep it once, from its smallest folder.
            var start = steps.Select((s, i) => (s.From, i)).MinBy(x => x.From, StringComparer.Ordinal).i;
            var rotated = new FolderCycle([.. steps.Skip(start), .. steps.Take(start)]);
            cycles.TryAdd(rotated.Chain, rotated);
        }
        return [.. cycles.Values.OrderBy(c => c.Steps.Count).ThenBy(c => c.Chain, StringComparer.Ordinal)];
    }

    /// <summary>Calls from page models (<c>SmartPick.Web.Pages.*</c>) to methods of types that declare Wolverine HTTP endpoints.</summary>
    public static IReadOnlyList<PageCall> PageCallsIntoEndpoints()
    {
        var endpointTypes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var module in Modules)
        {
            foreach (var type in AllTypes(Load(module)))
            {
                var endpoints = type.Methods.Where(m => m.CustomAttributes.Any(a => a.AttributeType.Namespace == "Wolverine.Http"
                    && EndpointAttributes.Contains(a.AttributeType.Name))).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
                if (endpoints.Count > 0) endpointTypes[type.FullName] = endpoints;
            }
        }

        var calls = new List<PageCall>();
        foreach (var type in AllTypes(Load("SmartPick.Web")).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (FolderOf("SmartPick.Web", type) != "Pages") continue;
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.Operand is not MethodReference called) continue;
                    var declaring = Element(called.DeclaringType).FullName;
                    PageCall call;
                    var page = Outermost(type);
                    if (endpointTypes.TryGetValue(declaring, out var endpoints))
                        call = new PageCall(NameOf(page), CallerName(type, method), declaring.Replace('/', '+'), called.Name, endpoints.Contains(called.Name));
                    else if (AnswersHttp(called) && declaring.StartsWith("SmartPick.", StringComparison.Ordinal)
                             && FolderOf("SmartPick.Web", Element(called.DeclaringType)) != "Pages")
                        // A minimal-API function (it answers an IResult) is an endpoint too, whatever declares it.
                        call = new PageCall(NameOf(page), CallerName(type, method), declaring.Replace('/', '+'), called.Name, CalledIsEndpoint: true);
                    else continue;
                    if (!calls.Contains(call)) calls.Add(call);
                }
            }
        }
        return calls;
    }

    /// <summary>Whether a method answers as an HTTP endpoint does: an <c>IResult</c>, or a task of one.</summary>
    private static bool AnswersHttp(MethodReference method)
    {
        var returns = method.ReturnType;
        if (returns is GenericInstanceType generic && generic.ElementType.Namespace == "System.Threading.Tasks") returns = generic.GenericArguments[0];
        return returns.FullName == "Microsoft.AspNetCore.Http.IResult";
    }

    /// <summary>Which folder a type belongs to; null for the root namespace and for anything outside it.</summary>
    public static string? FolderOf(string module, TypeReference type)
    {
        var ns = Outermost(type).Namespace;
        if (!ns.StartsWith(module + ".", StringComparison.Ordinal)) return null;
        var rest = ns[(module.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static IEnumerable<TypeDefinition> AllTypes(ModuleDefinition module)
    {
        var pending = new Stack<TypeDefinition>(module.Types);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            yield return type;
            foreach (var nested in type.NestedTypes) pending.Push(nested);
        }
    }

    private static List<FolderEdge>? ShortestPath(string from, string to, Dictionary<string, List<FolderEdge>> next)
    {
        var cameBy = new Dictionary<string, FolderEdge?> { [from] = null };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var folder = queue.Dequeue();
            if (folder == to)
            {
                var path = new List<FolderEdge>();
                for (var at = to; cameBy[at] is { } step; at = step.From) path.Insert(0, step);
                return path;
            }
            foreach (var edge in next.GetValueOrDefault(folder) ?? [])
            {
                if (cameBy.TryAdd(edge.To, edge)) queue.Enqueue(edge.To);
            }
        }
        return null;
    }

    /// <summary>Every type a type's signatures, attributes and method bodies name.</summary>
    private static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) => provider.CustomAttributes.Select(a => a.AttributeType);

        if (type.BaseType is { } baseType) yield return baseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var a in Attributes(type)) yield return a;
        foreach (var p in type.GenericParameters) foreach (var c in p.Constraints) yield return c.ConstraintType;
        foreach (var field in type.Fields)
        {
            yield return field.FieldType;
            foreach (var a in Attributes(field)) yield return a;
        }
        foreach (var property in type.Properties)
        {
            yield return property.PropertyType;
            foreach (var a in Attributes(property)) yield return a;
        }
        foreach (var e in type.Events) yield return e.EventType;
        foreach (var method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (var a in Attributes(method)) yield return a;
            foreach (var p in method.Parameters)
            {
                yield return p.ParameterType;
                foreach (var a in Attributes(p)) yield return a;
            }
            if (!method.HasBody) continue;
            foreach (var v in method.Body.Variables) yield return v.VariableType;
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        yield return t;
                        break;
                    case MethodReference m:
                        yield return m.DeclaringType;
                        yield return m.ReturnType;
                        foreach (var p in m.Parameters) yield return p.ParameterType;
                        if (m is GenericInstanceMethod g) foreach (var arg in g.GenericArguments) yield return arg;
                        break;
                    case FieldReference f:
                        yield return f.DeclaringType;
                        yield return f.FieldType;
                        break;
                }
            }
        }
    }

    /// <summary>Whether a referenced type (or, for a constructed type, any type it is made of) is one of the module's own.</summary>
    private static bool IsDefinedIn(TypeReference type, ModuleDefinition module) =>
        Outermost(type).Scope is ModuleDefinition scope && scope == module;

    /// <summary>A type and the types it is made of: <c>List&lt;Invitation&gt;[]</c> names List and Invitation.</summary>
    private static IEnumerable<TypeReference> Parts(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var part in Parts(generic.ElementType)) yield return part;
                foreach (var argument in generic.GenericArguments) foreach (var part in Parts(argument)) yield return part;
                break;
            case TypeSpecification specification:
                foreach (var part in Parts(specification.ElementType)) yield return part;
                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }

    private static TypeReference Element(TypeReference type) => type switch
    {
        GenericInstanceType g => Element(g.ElementType),
        TypeSpecification s => Element(s.ElementType),
        _ => type,
    };

    private static TypeReference Outermost(TypeReference type)
    {
        type = Element(type);
        while (type.DeclaringType is { } outer) type = Element(outer);
        return type;
    }

    /// <summary>A type's full name; a source generator's file-local type (<c>&lt;global__…&gt;F…__Name</c>) by the name it was given.</summary>
    private static string NameOf(TypeReference type)
    {
        var outer = Outermost(type);
        return outer.Name.StartsWith('<') && outer.Name.LastIndexOf("__", StringComparison.Ordinal) is > 0 and var at
            ? $"{outer.Namespace}.{outer.Name[(at + 2)..]}"
            : outer.FullName;
    }

    /// <summary>The method as written: a lambda's or an async method's compiled member is named after the method it came from.</summary>
    private static string CallerName(TypeDefinition type, MethodDefinition method)
    {
        static string Source(string generated) => generated[1..generated.IndexOf('>', StringComparison.Ordinal)];
        if (method.Name.StartsWith('<')) return Source(method.Name);
        return type.Name.StartsWith('<') && Source(type.Name).Length > 0 ? Source(type.Name) : method.Name;
    }
}
