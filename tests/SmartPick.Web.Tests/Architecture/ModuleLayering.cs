using Shouldly;
using Xunit.Abstractions;

namespace SmartPick.Web.Tests.Architecture;

/// <summary>
/// Reads the compiled modules (no host, no database): inside each module the folders depend one way, and pages
/// reach a module through its services, never through its endpoints (Wolverine's, or any function answering an <c>IResult</c>). See <see cref="ModuleGraph"/> for
/// what a folder is (the root namespace is the top and left out; <c>Pages</c> is one folder and checked).
/// </summary>
public sealed class ModuleLayering(ITestOutputHelper output)
{
    /// <summary>
    /// Page models that still call a type declaring Wolverine endpoints; their calls are written to the test output.
    /// This list must end up empty; a page leaves it as soon as it no longer calls one.
    /// </summary>
    public static readonly string[] PagesStillCallingEndpoints =
    [];

    public static TheoryData<string> AllModules => [.. ModuleGraph.Modules];

    [Theory]
    [MemberData(nameof(AllModules))]
    public void the_folders_of_a_module_depend_one_way(string module)
    {
        var cycles = ModuleGraph.Cycles(module);
        Report(module, cycles);
        cycles.ShouldBeEmpty($"{module} has folder cycles:\n{string.Join("\n", cycles)}");
    }

    [Fact]
    public void pages_do_not_call_wolverine_endpoint_types()
    {
        var calls = ModuleGraph.PageCallsIntoEndpoints();
        foreach (var call in calls) output.WriteLine(call.ToString());
        calls.Where(c => !PagesStillCallingEndpoints.Contains(c.PageType)).ShouldBeEmpty(
            "Pages call into types that declare Wolverine endpoints; call the module's services instead.");
        foreach (var page in PagesStillCallingEndpoints)
        {
            calls.ShouldContain(c => c.PageType == page, $"{page} no longer calls an endpoint type: take it off {nameof(PagesStillCallingEndpoints)}.");
        }
    }

    [Fact]
    public void a_cycle_is_found_once_and_told_as_a_chain_with_an_example_per_step()
    {
        FolderEdge[] edges =
        [
            new("Auth", "Identity", "M.Auth.SignIn", "M.Identity.User"),
            new("Identity", "Organizations", "M.Identity.User", "M.Organizations.Organization"),
            new("Organizations", "Auth", "M.Organizations.Invite", "M.Auth.Throttle"),
            new("Organizations", "Identity", "M.Organizations.Invite", "M.Identity.User"),
            new("Pages", "Auth", "M.Pages.SignInModel", "M.Auth.SignIn"),
        ];
        ModuleGraph.Cycles(edges).Select(c => c.ToString()).ShouldBe(
        [
            "Identity -> Organizations -> Identity\n    Identity -> Organizations: M.Identity.User uses M.Organizations.Organization\n    Organizations -> Identity: M.Organizations.Invite uses M.Identity.User",
            "Auth -> Identity -> Organizations -> Auth\n    Auth -> Identity: M.Auth.SignIn uses M.Identity.User\n    Identity -> Organizations: M.Identity.User uses M.Organizations.Organization\n    Organizations -> Auth: M.Organizations.Invite uses M.Auth.Throttle",
        ]);
        ModuleGraph.Cycles(edges.Where(e => e.From != "Identity").ToList()).ShouldBeEmpty();
        // The graph the checks read is the compiled one: the web host's folders do reference each other, one way.
        ModuleGraph.Edges("SmartPick.Web").ShouldContain(e => e.From == "Auth" && e.To == "Identity");
    }

    private void Report(string module, IReadOnlyList<FolderCycle> cycles)
    {
        output.WriteLine(cycles.Count == 0 ? $"{module}: no folder cycles" : $"{module}: {cycles.Count} folder cycle(s)");
        foreach (var cycle in cycles) output.WriteLine(cycle.ToString());
    }
}
