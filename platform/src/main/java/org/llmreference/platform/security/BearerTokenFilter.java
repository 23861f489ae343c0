package org.llmreference.platform.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.llmreference.platform.security.AccessTokens.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads {@code Authorization: Bearer <token>} and, for a known token, authenticates the request
 * with its role. A request without the header goes on anonymously (reads are open); a header with
 * an unknown token or another scheme is refused with 401 at once.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final AccessTokens tokens;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(AccessTokens tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || header.length() == PREFIX.length()) {
            entryPoint.commence(request, response,
                    new BadCredentialsException("the Authorization header must be 'Bearer <token>'"));
            return;
        }
        Optional<Role> role = tokens.roleOf(header.substring(PREFIX.length()).strip());
        if (role.isEmpty()) {
            entryPoint.commence(request, response, new BadCredentialsException("the bearer token is not valid"));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new RoleToken(role.get()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** An authenticated caller known only by its role (tokens are not personal). */
    static final class RoleToken extends AbstractAuthenticationToken {

        private final Role role;

        RoleToken(Role role) {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
            this.role = role;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return role.name().toLowerCase();
        }
    }
}
