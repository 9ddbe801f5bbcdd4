using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SmartPick.Web.Identity;

/// <summary>
/// Users, roles, organizations and invitations: global (not tenant-partitioned) data in the
/// <c>identity</c> schema of the same PostgreSQL database as the event store.
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<AppUser>(options)
{
    public const string Schema = "identity";

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Invitation> Invitations => Set<Invitation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.Entity<AppUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(200);
            u.Property(x => x.OrganizationId).HasMaxLength(64);
            u.HasIndex(x => x.OrganizationId);
        });
        builder.Entity<Organization>(o =>
        {
            o.ToTable("organizations");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).HasMaxLength(64);
            o.Property(x => x.Name).HasMaxLength(200);
            o.Property(x => x.TimeZone).HasMaxLength(64);
            o.Property(x => x.SenderName).HasMaxLength(200);
            o.Property(x => x.SenderEmail).HasMaxLength(254);
        });
        builder.Entity<Invitation>(i =>
        {
            i.ToTable("invitations");
            i.HasKey(x => x.Id);
            i.Property(x => x.Email).HasMaxLength(254);
            i.Property(x => x.Role).HasMaxLength(32);
            i.Property(x => x.TokenHash).HasMaxLength(64);
            i.HasIndex(x => x.TokenHash).IsUnique();
            i.HasIndex(x => x.OrganizationId);
        });
    }
}
