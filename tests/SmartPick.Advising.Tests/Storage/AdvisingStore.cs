using JasperFx.MultiTenancy;
using Marten;
using Xunit;

namespace SmartPick.Advising.Tests.Storage;

/// <summary>A real document store configured exactly as the host does for this module, in its own schema.</summary>
public sealed class AdvisingStore : IAsyncLifetime
{
    public DocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(PostgresFactAttribute.ConnectionString)) return;
        Store = DocumentStore.For(opts =>
        {
            opts.Connection(PostgresFactAttribute.ConnectionString!);
            opts.DatabaseSchemaName = "advising_tests";
            opts.Policies.AllDocumentsAreMultiTenanted();
            opts.Events.TenancyStyle = TenancyStyle.Conjoined;
            opts.Events.UseMandatoryStreamTypeDeclaration = true;
            AdvisingModule.ConfigureMarten(opts);
        });
        await Store.Advanced.Clean.CompletelyRemoveAllAsync();
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public Task DisposeAsync()
    {
        Store?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<AdvisingStore>;
