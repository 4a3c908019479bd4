package org.pingji.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer pj_...} API tokens by their SHA-256. */
class ApiTokenFilter extends OncePerRequestFilter {

    /** Verified tokens are remembered for a minute so a busy client costs no query per request. */
    private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

    private record Cached(UserAccount account, long expiresAt) {}

    private final UserAccounts accounts;
    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    ApiTokenFilter(UserAccounts accounts) {
        this.accounts = accounts;
    }

    private java.util.Optional<UserAccount> lookup(String token) {
        String key = java.util.HexFormat.of().formatHex(AccessManagement.sha256(token));
        long now = System.nanoTime();
        Cached cached = cache.get(key);
        if (cached != null && cached.expiresAt() - now > 0) {
            return java.util.Optional.of(cached.account());
        }
        var account = accounts.byTokenHash(AccessManagement.sha256(token));
        if (cache.size() > 10_000) {
            cache.clear();
        }
        account.ifPresent(a -> cache.put(key, new Cached(a, now + CACHE_NANOS)));
        return account;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            var account = lookup(header.substring(7).trim());
            if (account.isEmpty()
                    || !account.get().isEnabled()
                    || !account.get().isAccountNonLocked()) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"Unknown or revoked API token\"}");
                return;
            }
            var authentication = UsernamePasswordAuthenticationToken.authenticated(
                    account.get(), null, account.get().getAuthorities());
            SecurityContextHolder.getContext().setAuthentication(authentication);
        }
        chain.doFilter(request, response);
    }
}
