using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SmartPick.Web.Tests.Nudges;

/// <summary>
/// A real SMTP server on a free loopback port inside the test process. It keeps every accepted message,
/// refuses listed recipients for good (550), can answer the next RCPT commands with 451, and can hold
/// each DATA phase for a while (so two sweeps overlap).
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _recipientCommands;

    public TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>Addresses answered with 550 at RCPT TO.</summary>
    public ConcurrentDictionary<string, bool> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many of the next RCPT TO commands get a 451 (try again later).</summary>
    public int TemporaryFailuresToGive;

    public TimeSpan DataDelay { get; set; } = TimeSpan.Zero;

    public int RecipientCommands => _recipientCommands;

    public ConcurrentQueue<string> RecipientsAsked { get; } = new();

    /// <summary>Waits up to 10 s for at least <paramref name="count"/> messages to <paramref name="address"/>.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1)
    {
        for (var i = 0; i < 100; i++)
        {
            if (To(address) is { } messages && messages.Count >= count) return messages;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{count} mail(s) did not reach {address} in 10 s.");
    }

    /// <summary>A fresh organization whose mail leaves through this server, from <paramref name="fromAddress"/>.</summary>
    public async Task<SmartPick.Web.Tests.Infrastructure.TestOrg> OrganizationAsync(SmartPick.Web.Tests.Infrastructure.AppFixture app, string prefix, string fromAddress)
    {
        var org = await app.CreateOrgAsync(prefix);
        await using var session = app.Session(org);
        session.Store(new SmartPick.Nudges.Store.OrganizationSmtpRelay { Host = "127.0.0.1", Port = Port, UseStartTls = false, FromAddress = fromAddress });
        await session.SaveChangesAsync();
        return org;
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(x => string.Equals(x.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class Filter(TestSmtpServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref server._recipientCommands);
            var address = $"{to.User}@{to.Host}";
            server.RecipientsAsked.Enqueue(address);
            if (server.RefusedRecipients.ContainsKey(address))
            {
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)550, "no such mailbox"));
            }

            if (Interlocked.Decrement(ref server.TemporaryFailuresToGive) >= 0)
            {
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)451, "try again later"));
            }

            return Task.FromResult(true);
        }
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.DataDelay > TimeSpan.Zero)
            {
                await Task.Delay(server.DataDelay, cancellationToken);
            }

            using var stream = new MemoryStream(buffer.ToArray());
            server.Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
