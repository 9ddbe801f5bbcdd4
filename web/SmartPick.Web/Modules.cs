using Marten;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Web;

/// <summary>Where the host plugs in the product's modules (catalog, advising, nudges), in one place.</summary>
public static class Modules
{
    public static void ConfigureMarten(StoreOptions opts)
    {
    }

    public static void ConfigureWolverine(WolverineOptions opts)
    {
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public static void ConfigureHttp(WolverineHttpOptions opts)
    {
    }

    public static void MapEndpoints(WebApplication app)
    {
    }
}
