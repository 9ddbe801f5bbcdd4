using Shouldly;
using Xunit;

namespace SmartPick.Browser.Tests;

/// <summary>The browser tests' app gets the fixture's settings, never the caller's.</summary>
public sealed class AppEnvironmentTests
{
    [Fact]
    public void the_callers_demo_password_and_other_settings_do_not_reach_the_app()
    {
        var environment = RunningApp.AppEnvironment(new Dictionary<string, string?>
        {
            ["PATH"] = "/usr/bin",
            ["HOME"] = "/home/someone",
            ["SMARTPICK_DEMO_PASSWORD"] = "The-Callers-Own-Password-1",
            ["AuthThrottle__SignInsPerMinute"] = "1",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Nudges__Smtp__Host"] = "mail.example.org",
            ["ConnectionStrings__postgres"] = "Host=db",
            ["Nudges__PublicBaseUrl"] = "https://elsewhere.example",
        }, "http://127.0.0.1:5999");

        environment["SMARTPICK_DEMO_PASSWORD"].ShouldBe(RunningApp.Password);
        environment["AuthThrottle__SignInsPerMinute"].ShouldBe("100");
        environment["ASPNETCORE_ENVIRONMENT"].ShouldBe("Development");
        environment["ConnectionStrings__postgres"].ShouldBe("Host=db");
        environment["PATH"].ShouldBe("/usr/bin");
        environment.ShouldNotContainKey("Nudges__PublicBaseUrl", "the app finds its public address from where it listens");
        environment.ShouldNotContainKey("Nudges__Smtp__Host");
    }
}
