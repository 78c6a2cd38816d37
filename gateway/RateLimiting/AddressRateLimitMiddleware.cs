namespace CredIr.Gateway.RateLimiting;

/// <summary>
/// The bucket per remote address, ahead of authentication: a client sending bad or expired tokens in a
/// loop is refused here, before its tokens cost a signature check each.
/// </summary>
internal sealed class AddressRateLimitMiddleware(RequestDelegate next, AddressRateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext http)
    {
        using var lease = limiter.Acquire(http);
        if (!lease.IsAcquired)
        {
            await RateLimitRefusal.WriteAsync(http, lease, "Too many calls from this address; retry after the Retry-After delay.").ConfigureAwait(false);
            return;
        }

        await next(http).ConfigureAwait(false);
    }
}
