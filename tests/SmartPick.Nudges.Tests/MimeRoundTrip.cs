using MimeKit;

namespace SmartPick.Nudges.Tests;

internal static class MimeRoundTrip
{
    /// <summary>Serializes a message the way it goes on the wire and parses it back.</summary>
    public static MimeMessage Reparse(MimeMessage message) => Parse(Raw(message));

    public static string Raw(MimeMessage message)
    {
        // SMTP puts CRLF on the wire whatever the platform.
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var stream = new MemoryStream();
        message.WriteTo(options, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static MimeMessage Parse(string raw)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw));
        return MimeMessage.Load(stream);
    }

    public static MimeMessage Parse(byte[] raw)
    {
        using var stream = new MemoryStream(raw);
        return MimeMessage.Load(stream);
    }
}
