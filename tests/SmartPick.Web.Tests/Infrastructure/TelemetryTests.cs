using Shouldly;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SmartPick.ServiceDefaults;

namespace SmartPick.Web.Tests.Infrastructure;

public class TelemetryTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("http://collector:4317", true)]
    public void traces_are_recorded_only_where_an_exporter_can_send_them_and_metrics_always(string? endpoint, bool traced)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
        builder.AddServiceDefaults();
        using var host = builder.Build();

        (host.Services.GetService<TracerProvider>() is not null).ShouldBe(traced);
        host.Services.GetService<MeterProvider>().ShouldNotBeNull();
    }
}
