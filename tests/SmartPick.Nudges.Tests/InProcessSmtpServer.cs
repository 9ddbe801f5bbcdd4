using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SmartPick.Nudges.Tests;

/// <summary>
/// A real SMTP server (the SmtpServer package) listening on a free loopback port inside the test
/// process. It records every message it accepts and can be told to answer RCPT or DATA with a given
/// reply code for the next few attempts.
/// </summary>
internal sealed class InProcessSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    /// <param name="credentials">When set, the server offers AUTH (over plain text, loopback only) and checks these.</param>
    public InProcessSmtpServer((string User, string Password)? credentials = null)
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .AllowUnsecureAuthentication(credentials is not null)
                .AuthenticationRequired(credentials is not null))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        if (credentials is { } expected)
        {
            services.Add(new Authenticator(expected.User, expected.Password));
        }
        var server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<Received> Messages { get; } = new();

    /// <summary>Replies to give to the next RCPT TO commands, in order; then the server accepts.</summary>
    public ConcurrentQueue<int> RecipientReplies { get; } = new();

    /// <summary>Replies to give at the end of the next DATA phases, in order; then the server accepts.</summary>
    public ConcurrentQueue<int> DataReplies { get; } = new();

    public int RecipientCommands => recipientCommands;

    private int recipientCommands;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static SmtpResponseException Reply(int code) => new(new SmtpResponse((SmtpReplyCode)code, code >= 500 ? "rejected for good" : "try again later"));

    internal sealed record Received(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, byte[] Data);

    private sealed class Filter(InProcessSmtpServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref server.recipientCommands);
            if (server.RecipientReplies.TryDequeue(out var code))
            {
                throw Reply(code);
            }

            return Task.FromResult(true);
        }
    }

    private sealed class Authenticator(string user, string password) : SmtpServer.Authentication.IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user1, string password1, CancellationToken cancellationToken) =>
            Task.FromResult(user1 == user && password1 == password);
    }

    private sealed class Store(InProcessSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.DataReplies.TryDequeue(out var code))
            {
                return Task.FromResult(new SmtpResponse((SmtpReplyCode)code, code >= 500 ? "message rejected" : "try again later"));
            }

            server.Messages.Enqueue(new Received(
                Address(transaction.From),
                transaction.To.Select(Address).ToList(),
                buffer.ToArray()));
            return Task.FromResult(SmtpResponse.Ok);
        }

        private static string Address(IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";
    }
}
