package org.pingji.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer pj_...} API tokens by their SHA-256; a verified token
 * is remembered in the {@link CredentialCache} (dropped at once when revoked).
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final UserAccounts accounts;
    private final CredentialCache cache;

    ApiTokenFilter(UserAccounts accounts, CredentialCache cache) {
        this.accounts = accounts;
        this.cache = cache;
    }

    private Optional<UserAccount> lookup(String token) {
        var cached = cache.find(token);
        if (cached.isPresent()) {
            return cached;
        }
        var holder = accounts.byTokenHash(AccessManagement.sha256(token));
        holder.ifPresent(h -> cache.remember(token, h.account(), h.tokenId()));
        return holder.map(UserAccounts.TokenHolder::account);
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
