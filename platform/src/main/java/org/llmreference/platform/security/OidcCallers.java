package org.llmreference.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.llmreference.platform.security.AccessTokens.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Callers from JWTs of an OIDC issuer, where one is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location}: Spring Boot's resource-server settings build the {@link JwtDecoder},
 * which checks signature, expiry and issuer). The caller's id, the author of what it changes, is the
 * {@code preferred_username} claim, else the subject; its roles are the {@code editor}, {@code ops}
 * and {@code admin} named in the roles claim ({@code roles}; a dotted path such as
 * {@code realm_access.roles} reaches into an object). A JWT naming none of them authenticates a caller
 * without roles: reads only. Without an issuer setting there is no decoder and no JWT is accepted.
 */
final class OidcCallers implements TokenAuthority {

    private static final Logger log = LoggerFactory.getLogger(OidcCallers.class);

    /**
     * How a JWT's claims map to a caller.
     *
     * @param rolesClaim    the claim (a dotted path) listing the caller's roles
     * @param usernameClaim the claim naming the caller; the subject when absent
     */
    @ConfigurationProperties("llmref.security.oidc")
    record Claims(@DefaultValue("roles") String rolesClaim, @DefaultValue("preferred_username") String usernameClaim) {
    }

    private final JwtDecoder decoder;
    private final Claims claims;

    OidcCallers(JwtDecoder decoder, Claims claims) {
        this.decoder = decoder;
        this.claims = claims;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty(); // not a JWT: a shared or personal token, checked elsewhere
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            log.debug("JWT refused: {}", e.getMessage());
            return Optional.empty();
        }
        return Optional.of(caller(jwt));
    }

    Caller caller(Jwt jwt) {
        String username = jwt.getClaimAsString(claims.usernameClaim());
        String id = username == null || username.isBlank() ? jwt.getSubject() : username.strip();
        String name = jwt.getClaimAsString("name");
        return new Caller(id, name == null || name.isBlank() ? id : name, roles(jwt.getClaims()));
    }

    private Set<Role> roles(Map<String, Object> all) {
        Object value = all;
        for (String part : claims.rolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        List<Object> names = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            names.addAll(list);
        } else if (value instanceof String text) {
            names.addAll(List.of(text.split("[\\s,]+")));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            Role.fromWire(String.valueOf(name).strip().toLowerCase(Locale.ROOT)).ifPresent(roles::add);
        }
        return roles;
    }
}
