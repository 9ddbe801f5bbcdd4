using JasperFx.Events.Daemon;
using Wolverine;

namespace SmartPick.Web.Infrastructure;

/// <summary>
/// Whether this node shares its database with other nodes, and what follows from it. <c>Cluster:Enabled</c> (default:
/// true in Production, false elsewhere) says so. Shared: the async daemon runs each projection on one node at a time,
/// elected through a PostgreSQL advisory lock that a dead node's session releases (<see cref="DaemonMode.HotCold"/>),
/// and Wolverine elects a leader that assigns its agents and hands a dead node's inbox and outbox to the others
/// (<see cref="DurabilityMode.Balanced"/>). Alone: everything runs here (<see cref="DaemonMode.Solo"/>,
/// <see cref="DurabilityMode.Solo"/>), which two nodes on one database must never do: both would run every projection
/// and recover each other's messages. The setting is separate from the environment's name so that a staging or test
/// deployment of several nodes is not Solo by accident.
/// </summary>
public sealed record NodeTopology(bool Shared)
{
    public const string Setting = "Cluster:Enabled";

    public DaemonMode Daemon => Shared ? DaemonMode.HotCold : DaemonMode.Solo;

    public DurabilityMode Durability => Shared ? DurabilityMode.Balanced : DurabilityMode.Solo;

    public static NodeTopology From(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return new NodeTopology(configuration.GetValue(Setting, environment.IsProduction()));
    }
}
