using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages;

/// <summary>Services and endpoints the server-rendered pages need beyond Razor Pages itself.</summary>
public static class PagesSetup
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TryLimiterOptions>(configuration.GetSection("TryLimiter"));
        services.AddSingleton<TryLimiter>();
        services.AddScoped<CandidateFilePages>();
        services.AddSingleton<Org.TestMailLimiter>();
        // Password reset links leave from a background queue (the API's /api/auth/forgot uses it too).
        services.AddSingleton<Auth.PasswordResetMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<Auth.PasswordResetMailer>());
    }

    public static void MapEndpoints(WebApplication app)
    {
    }
}
