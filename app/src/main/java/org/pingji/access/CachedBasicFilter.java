package org.pingji.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic without a password hash per request: a header that passed Spring Security's full
 * check (bcrypt, lockout, enabled) in the last minute is accepted from the {@link
 * CredentialCache}; any other header — a wrong password included — goes on to {@code
 * BasicAuthenticationFilter}, and a success there is remembered.
 */
class CachedBasicFilter extends OncePerRequestFilter {

    private final CredentialCache cache;

    CachedBasicFilter(CredentialCache cache) {
        this.cache = cache;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            chain.doFilter(request, response);
            return;
        }
        var cached = cache.find(header).filter(a -> a.isEnabled() && a.isAccountNonLocked());
        if (cached.isPresent()) {
            var account = cached.get();
            SecurityContextHolder.getContext()
                    .setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, response);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof UserAccount account
                && account.getUsername().equals(username(header))) {
            cache.remember(header, account, null);
        }
    }

    private static String username(String header) {
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
