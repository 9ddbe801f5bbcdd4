using Marten.Exceptions;
using Npgsql;
using Shouldly;
using SmartPick.Web.Infrastructure;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime;

namespace SmartPick.Web.Tests.Infrastructure;

/// <summary>
/// A message that meets a passing fault is tried again, not dead-lettered at once: a restarted node in the two-host
/// chaos run dead-lettered a list regeneration on a 5 s timeout (docs/reliability.md).
/// </summary>
public sealed class TransientFaultTests(AppFixture app) : AppTest(app)
{
    /// <summary>What the host's message rules (every handler's, besides its own) do with <paramref name="fault"/> at <paramref name="attempt"/>.</summary>
    private string? Continuation(Exception fault, int attempt)
    {
        var rules = ((IWithFailurePolicies)Host.Services.GetRequiredService<IWolverineRuntime>().Options).Failures;
        foreach (var rule in rules)
        {
            if (rule.TryCreateContinuation(fault, new Envelope { Attempts = attempt }, out var continuation)) return continuation.GetType().Name;
        }
        return null;
    }

    [Fact]
    public void a_timeout_or_a_dropped_connection_is_retried_after_a_pause_then_later_then_dead_lettered()
    {
        var timeout = new TimeoutException("Timed out after 5s waiting for another thread in this process to finish applying the schema");
        Continuation(timeout, 1).ShouldBe("RetryInlineContinuation");
        Continuation(timeout, 3).ShouldBe("RetryInlineContinuation");
        Continuation(timeout, 4).ShouldBe("ScheduledRetryContinuation");
        Continuation(timeout, 5).ShouldBe("ScheduledRetryContinuation");
        Continuation(timeout, 6).ShouldBe("MoveToErrorQueue", "a fault that persists ends in the dead letters");

        var dropped = new NpgsqlException("Exception while reading from stream", new EndOfStreamException());
        dropped.IsTransient.ShouldBeTrue();
        Continuation(dropped, 1).ShouldBe("RetryInlineContinuation");
        Continuation(new MartenCommandException(null!, dropped), 2).ShouldBe("RetryInlineContinuation");
    }

    [Fact]
    public void a_fault_that_would_fail_again_is_not_retried()
    {
        Continuation(new InvalidOperationException("a bug"), 1).ShouldBeNull();
        TransientFaults.IsTransient(new NpgsqlException("not transient")).ShouldBeFalse();
    }
}
