using JasperFx.Events.Daemon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Shouldly;
using SmartPick.Web.Infrastructure;
using Wolverine;
using Xunit;

namespace SmartPick.Reliability.Tests;

/// <summary>Several nodes on one database elect who runs each projection and hand a dead node's messages on; one node alone runs everything.</summary>
public sealed class NodeTopologyTests
{
    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Development", null, false)]
    [InlineData("Benchmark", null, false)]
    [InlineData("Staging", "true", true)]
    [InlineData("Benchmark", "true", true)]
    [InlineData("Production", "false", false)]
    public void the_setting_decides_and_production_shares_by_default(string environment, string? setting, bool shared)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : new Dictionary<string, string?> { [NodeTopology.Setting] = setting }).Build();

        var topology = NodeTopology.From(configuration, new Environment(environment));

        topology.Shared.ShouldBe(shared);
        topology.Daemon.ShouldBe(shared ? DaemonMode.HotCold : DaemonMode.Solo);
        topology.Durability.ShouldBe(shared ? DurabilityMode.Balanced : DurabilityMode.Solo);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "SmartPick.Web";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
