using JasperFx;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Logging;
using Npgsql;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Nudges.Email;
using SmartPick.Nudges.Rules;
using SmartPick.Nudges.Store;

namespace SmartPick.Nudges.Sweeps;

/// <summary>
/// Sends one organization's due nudges, each at most once across sweeps, retries and nodes:
/// decide (views + calendar + settings + instant → due nudges), skip opted-out, suppressed and delivered
/// ones, claim the key in its own transaction (the unique key lets exactly one sweep win), send with
/// retries, then append <see cref="NudgeSent"/> and mark the delivery sent in one transaction.
/// </summary>
/// <remarks>
/// A worker that dies between sending and recording leaves a claimed delivery; once that claim is older
/// than <see cref="NudgeOptions.StaleClaimAfter"/>, the next sweep sends that one message again and logs
/// it as a possible duplicate (the Message-Id, derived from the key, is the same both times).
/// </remarks>
public sealed class NudgeSweeper(
    IDocumentStore store,
    IOrganizationSettings organizations,
    INudgeMailerFactory mailers,
    NudgeOptions options,
    TimeProvider clock,
    ILogger<NudgeSweeper> logger)
{
    /// <summary>Names this process in claims, so an operator can tell which worker held a key.</summary>
    private static readonly string Node = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<NudgeSweepReport> SweepAsync(SweepNudges sweep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var asOf = (sweep.AsOf ?? clock.GetUtcNow()).ToUniversalTime();
        var report = new NudgeSweepReport(sweep.OrgId, asOf);
        if (!NudgeKey.IsValidTenant(sweep.OrgId) || await organizations.GetAsync(sweep.OrgId, ct) is not { } org)
        {
            logger.LogWarning("Nudge sweep skipped: no organization {OrgId}", sweep.OrgId);
            return report;
        }

        IReadOnlyList<Nudge> due;
        Dictionary<string, NudgeDelivery> deliveries;
        HashSet<string> suppressed;
        Dictionary<Guid, CandidateNudgePreferences> preferences;
        NudgeMailRoute route;
        await using (var query = store.QuerySession(org.Id))
        {
            var candidates = await NudgeCandidates.LoadAsync(query, ct);
            var calendars = await query.CalendarsAsync(NudgeStoreReads.SeasonsAround(asOf), ct);
            var settings = await query.SettingsAsync(ZoneOrEastern(org.TimeZone), ct);
            due = NudgeRules.DueAt(org.Id, candidates, calendars, settings, asOf);
            if (due.Count == 0)
            {
                return report;
            }

            deliveries = (await query.LoadManyAsync<NudgeDelivery>(ct, due.Select(n => n.Key.ToString()).ToArray())).ToDictionary(d => d.Id);
            suppressed = (await query.LoadManyAsync<SuppressedAddress>(ct, due.Select(n => SuppressedAddress.IdFor(n.Candidate.Email)).Distinct().ToArray()))
                .Select(s => s.Id).ToHashSet();
            preferences = (await query.LoadManyAsync<CandidateNudgePreferences>(ct, due.Select(n => n.Key.CandidateId).Distinct().ToArray())).ToDictionary(p => p.Id);
            route = await mailers.ForAsync(query, ct);
        }

        var sender = route.SenderFor(org, options.PublicBaseUrl);
        foreach (var nudge in due)
        {
            var key = nudge.Key.ToString();
            if (preferences.TryGetValue(nudge.Key.CandidateId, out var prefs) && !prefs.Allows(nudge.Kind))
            {
                report.SkippedOptedOut.Add(key);
            }
            else if (suppressed.Contains(SuppressedAddress.IdFor(nudge.Candidate.Email)))
            {
                report.SkippedSuppressedAddress.Add(key);
            }
            else if (deliveries.TryGetValue(key, out var existing) && existing.State is DeliveryState.Sent or DeliveryState.Suppressed)
            {
                report.SkippedDelivered.Add(key);
            }
            else
            {
                await DeliverAsync(org, nudge, deliveries.GetValueOrDefault(key), route, sender, asOf, report, ct);
            }
        }

        return report;
    }

    private async Task DeliverAsync(OrgSettings org, Nudge nudge, NudgeDelivery? seen, NudgeMailRoute route, NudgeSender sender, DateTimeOffset asOf, NudgeSweepReport report, CancellationToken ct)
    {
        var key = nudge.Key.ToString();
        var unsubscribe = UnsubscribeToken.NewRandom(org.Id);
        var delivery = seen is null
            ? await ClaimAsync(org.Id, nudge, unsubscribe, ct)
            : await RetakeAsync(org.Id, key, unsubscribe, ct);
        if (delivery is null)
        {
            report.SkippedClaimedElsewhere.Add(key);
            return;
        }

        if (delivery.PossibleDuplicate)
        {
            report.PossibleDuplicates.Add(key);
            logger.LogWarning("Nudge {Key} was claimed by {Worker} at {ClaimedAt} and never recorded; sending it again, possibly a duplicate (same Message-Id)",
                key, delivery.ClaimedBy, delivery.ClaimedAt);
        }

        DeliveryOutcome outcome;
        int attempts;
        try
        {
            var message = NudgeEmailComposer.Compose(nudge, sender, unsubscribe, clock.GetUtcNow());
            (outcome, attempts) = await RetryingDelivery.SendAsync(route.Mailer, message, options.Retry, clock, ct);
        }
        catch (ArgumentException e)
        {
            // A stored address or sender that is not a bare address: no retry can fix it.
            outcome = new DeliveryOutcome.PermanentFailure(e.Message, null, SuppressRecipient: false);
            attempts = 0;
            delivery.Claims = Math.Max(delivery.Claims, options.MaxClaims);
        }

        await RecordAsync(org.Id, nudge, delivery, outcome, attempts, asOf, report, ct);
    }

    /// <summary>Inserts the delivery (and the email's unsubscribe link) in its own transaction; null when another sweep owns the key.</summary>
    private async Task<NudgeDelivery?> ClaimAsync(string tenant, Nudge nudge, UnsubscribeToken unsubscribe, CancellationToken ct)
    {
        var delivery = NudgeDelivery.ClaimFor(nudge, Node, clock.GetUtcNow());
        await using var session = store.LightweightSession(tenant);
        session.Insert(delivery);
        session.Store(new UnsubscribeLink { Id = unsubscribe.Hash(), CandidateId = nudge.Key.CandidateId, NudgeKey = nudge.Key.ToString(), CreatedAt = delivery.ClaimedAt });
        try
        {
            await session.SaveChangesAsync(ct);
            return delivery;
        }
        catch (Exception e) when (IsUniqueViolation(e))
        {
            return null;
        }
    }

    /// <summary>Takes over a stale claim or a failed delivery, guarded by the document version so only one sweep wins.</summary>
    private async Task<NudgeDelivery?> RetakeAsync(string tenant, string key, UnsubscribeToken unsubscribe, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenant);
        var delivery = await session.LoadAsync<NudgeDelivery>(key, ct);
        var wallClock = clock.GetUtcNow();
        if (delivery is null || !delivery.CanBeRetaken(wallClock, options.StaleClaimAfter, options.MaxClaims))
        {
            return null;
        }

        delivery.PossibleDuplicate = delivery.State == DeliveryState.Claimed;
        delivery.State = DeliveryState.Claimed;
        delivery.Claims++;
        delivery.ClaimedAt = wallClock;
        delivery.ClaimedBy = Node;
        session.Store(delivery);
        session.Store(new UnsubscribeLink { Id = unsubscribe.Hash(), CandidateId = delivery.CandidateId, NudgeKey = key, CreatedAt = wallClock });
        try
        {
            await session.SaveChangesAsync(ct);
            return delivery;
        }
        catch (ConcurrencyException)
        {
            return null;
        }
    }

    private async Task RecordAsync(string tenant, Nudge nudge, NudgeDelivery delivery, DeliveryOutcome outcome, int attempts, DateTimeOffset asOf, NudgeSweepReport report, CancellationToken ct)
    {
        var key = nudge.Key.ToString();
        var wallClock = clock.GetUtcNow();
        delivery.Attempts += attempts;
        await using var session = store.LightweightSession(tenant);
        switch (outcome)
        {
            case DeliveryOutcome.Sent sent:
                delivery.State = DeliveryState.Sent;
                delivery.SentAt = wallClock;
                delivery.Detail = sent.Detail;
                // The business time of the send is the sweep's instant, so a replayed season reads right in the timeline.
                session.Events.Append(nudge.Key.CandidateId, new NudgeSent(
                    nudge.Key.CandidateId, NudgeKey.KindText(nudge.Kind), nudge.Season, $"{nudge.Key.OffsetDays}d", key, asOf));
                report.Sent.Add(key);
                break;
            case DeliveryOutcome.PermanentFailure { SuppressRecipient: true } refused:
                delivery.State = DeliveryState.Suppressed;
                delivery.Detail = refused.Reason;
                session.Store(new SuppressedAddress
                {
                    Id = SuppressedAddress.IdFor(nudge.Candidate.Email),
                    Reason = refused.Reason,
                    SmtpStatusCode = refused.SmtpStatusCode,
                    NudgeKey = key,
                    SuppressedAt = wallClock,
                });
                report.Suppressed.Add(key);
                logger.LogWarning("Nudge {Key}: the server refused the recipient for good ({Reason}); the address is suppressed", key, refused.Reason);
                break;
            case DeliveryOutcome.PermanentFailure failed:
                delivery.State = DeliveryState.Failed;
                delivery.Detail = failed.Reason;
                report.Failed.Add(key);
                logger.LogError("Nudge {Key} failed permanently: {Reason}", key, failed.Reason);
                break;
            case DeliveryOutcome.TemporaryFailure temporary:
                delivery.State = DeliveryState.Failed;
                delivery.Detail = temporary.Reason;
                report.Failed.Add(key);
                logger.LogWarning("Nudge {Key} not delivered after {Attempts} attempts: {Reason}; a later sweep tries again", key, attempts, temporary.Reason);
                break;
        }

        session.Store(delivery);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            // Only possible when this claim went stale and another sweep took the key over; that sweep records it.
            logger.LogWarning("Nudge {Key}: the claim was taken over by another sweep before its outcome was recorded", key);
        }
    }

    private static bool IsUniqueViolation(Exception e) => e switch
    {
        DocumentAlreadyExistsException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        MartenCommandException { InnerException: { } inner } => IsUniqueViolation(inner),
        _ => false,
    };

    private static string ZoneOrEastern(string? zone) =>
        Calendar.OrgTime.IsKnownZone(zone) ? zone! : Calendar.SeasonCalendarRules.EasternTimeZoneId;
}
