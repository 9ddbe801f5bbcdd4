using System.Text.Json;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;
using Wolverine;

namespace SmartPick.Web.Tests.Advising;

public sealed class CatalogRegenerationTests(AppFixture app) : AdvisingTest(app)
{
    [Fact]
    public async Task a_new_catalog_version_regenerates_every_open_file_of_the_organization_with_progress()
    {
        var org = await App.CreateOrgAsync("regen");
        var advisor = await App.AdvisorAsync(org);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add(await OpenFileAsync(advisor, NewFile($"Regen {i}", $"regen{i}@example.org")));
        foreach (var id in ids) await SettledListAsync(advisor, id);
        await PostAsync(advisor, $"/api/candidates/{ids[2]}/archive", new { reason = "left" });

        var bus = Host.Services.GetRequiredService<IMessageBus>();
        await bus.PublishAsync(new CatalogVersionPublished("sha256:test"), new DeliveryOptions { TenantId = org.Slug });

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement run;
        while (true)
        {
            var runs = await GetAsync(advisor, "/api/list-regenerations");
            if (runs.GetArrayLength() > 0 && runs[0].GetProperty("finished_at").ValueKind != JsonValueKind.Null) { run = runs[0]; break; }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The regeneration run did not finish: " + runs);
            await Task.Delay(250);
        }
        run.GetProperty("catalog_version").GetString().ShouldBe("sha256:test");
        run.GetProperty("total").GetInt32().ShouldBe(2);
        run.GetProperty("done").GetInt32().ShouldBe(2);
        (await GetAsync(advisor, $"/api/list-regenerations/{run.GetProperty("id").GetGuid()}")).GetProperty("done").GetInt32().ShouldBe(2);

        var outsider = await App.AdvisorAsync(await App.CreateOrgAsync("regen-other"));
        await GetAsync(outsider, $"/api/list-regenerations/{run.GetProperty("id").GetGuid()}", 404);
    }
}
