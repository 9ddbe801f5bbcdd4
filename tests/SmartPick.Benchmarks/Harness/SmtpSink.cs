using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmartPick.Benchmarks.Harness;

/// <summary>
/// A minimal SMTP server on a loopback port that accepts every message and keeps its nudge key
/// (<c>X-SmartPick-Nudge-Key</c>). It records a message when its data is complete and only then, after
/// <see cref="Delay"/>, answers 250: a sender killed in that window has delivered without knowing it, which is how
/// a nudge can arrive twice.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SmtpSink()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(200);
    public ConcurrentQueue<string> Keys { get; } = new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO": await writer.WriteLineAsync("250 sink"); break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with .");
                        string? key = null;
                        while (await reader.ReadLineAsync() is { } data && data != ".")
                        {
                            if (data.StartsWith("X-SmartPick-Nudge-Key:", StringComparison.OrdinalIgnoreCase)) key = data[(data.IndexOf(':') + 1)..].Trim();
                        }
                        Keys.Enqueue(key ?? "");
                        await Task.Delay(Delay);
                        await writer.WriteLineAsync("250 queued");
                        break;
                    case "QUIT": await writer.WriteLineAsync("221 bye"); return;
                    default: await writer.WriteLineAsync("250 ok"); break;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (SocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
