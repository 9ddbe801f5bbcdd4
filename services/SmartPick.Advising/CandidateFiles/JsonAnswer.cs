using System.Text;
using Microsoft.AspNetCore.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>A command answer whose body is already serialized (so it can be replayed byte for byte).</summary>
internal sealed class JsonAnswer(int status, string body, string? location, bool replayed) : IResult
{
    public int Status => status;
    public string Body => body;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        if (location is not null) response.Headers.Location = location;
        if (replayed) response.Headers["Idempotent-Replayed"] = "true";
        await response.WriteAsync(body, Encoding.UTF8);
    }
}
