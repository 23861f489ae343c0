package org.llmreference.platform.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
 * as its caller: a shared token (see {@link AccessTokens}) or one a {@link TokenAuthority} knows. A request without the header goes on anonymously (reads are open); a header with
 * an unknown token or another scheme is refused with 401 at once.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final AccessTokens tokens;
    private final List<TokenAuthority> authorities;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(AccessTokens tokens, List<TokenAuthority> authorities, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.authorities = List.copyOf(authorities);
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
        String token = header.substring(PREFIX.length()).strip();
        Optional<Caller> caller = tokens.callerOf(token);
        for (int i = 0; caller.isEmpty() && i < authorities.size(); i++) {
            caller = authorities.get(i).authenticate(token);
        }
        if (caller.isEmpty()) {
            entryPoint.commence(request, response,
                    new BadCredentialsException("the bearer token is not valid (unknown, expired, revoked, or its account is disabled)"));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new CallerToken(caller.get()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** An authenticated caller; an admin also holds the editor authority (admins may edit). */
    static final class CallerToken extends AbstractAuthenticationToken {

        private final Caller caller;

        CallerToken(Caller caller) {
            super(authorities(caller));
            this.caller = caller;
            setAuthenticated(true);
        }

        private static List<SimpleGrantedAuthority> authorities(Caller caller) {
            Set<Role> granted = new TreeSet<>(caller.roles());
            if (granted.contains(Role.ADMIN)) {
                granted.add(Role.EDITOR);
            }
            return granted.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }

        @Override
        public String getName() {
            return caller.id();
        }
    }
}
