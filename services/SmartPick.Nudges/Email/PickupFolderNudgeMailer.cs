using MimeKit;

namespace SmartPick.Nudges.Email;

/// <summary>
/// Development delivery: writes each nudge as an <c>.eml</c> file named after its nudge key into a folder
/// (by default <c>.data/mail</c>). A key that already has a file counts as delivered and is not rewritten,
/// mirroring the at-most-once rule of real delivery.
/// </summary>
internal sealed class PickupFolderNudgeMailer(string folder) : INudgeMailer
{
    public const string DefaultFolder = ".data/mail";

    public PickupFolderNudgeMailer()
        : this(DefaultFolder)
    {
    }

    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task<DeliveryOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var path = Path.Combine(Folder, FileNameFor(message));
        if (File.Exists(path))
        {
            return new DeliveryOutcome.Sent($"already written: {path}");
        }

        var temporary = Path.Combine(Folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(Folder);
            await using (var stream = File.Create(temporary))
            {
                await message.WriteToAsync(stream, cancellationToken);
            }

            // Write-then-rename: a reader never sees half a message, and two writers cannot both win.
            File.Move(temporary, path, overwrite: false);
            return new DeliveryOutcome.Sent(path);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return new DeliveryOutcome.Sent($"already written: {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return new DeliveryOutcome.TemporaryFailure($"Could not write {path}: {e.Message}", null);
        }
    }

    /// <summary>The nudge key (or Message-Id) reduced to characters safe in a file name on any system.</summary>
    public static string FileNameFor(MimeMessage message)
    {
        var key = message.Headers[NudgeEmailComposer.NudgeKeyHeader] ?? message.MessageId ?? throw new ArgumentException("The message has neither a nudge key nor a Message-Id.", nameof(message));
        var safe = new string(key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray()).Trim('.');
        return safe + ".eml";
    }
}
