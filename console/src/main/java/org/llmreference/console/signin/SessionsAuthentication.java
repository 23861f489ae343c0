package org.llmreference.console.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.llmreference.console.services.Answer;
import org.llmreference.console.services.Refusal;
import org.llmreference.console.services.Service;
import org.llmreference.console.services.ServiceApi;
import org.llmreference.console.services.Unreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Signs an editor in with catalog-service's {@code POST /api/sessions}: the console holds no
 * passwords. The answer's token and roles become the authenticated principal ({@link EditorAccount})
 * of the server-side session; each role {@code r} is granted as {@code ROLE_R}.
 */
@Component
class SessionsAuthentication implements AuthenticationProvider {

    static final String WRONG_CREDENTIALS = "Wrong username or password.";
    private static final Logger log = LoggerFactory.getLogger(SessionsAuthentication.class);

    private final ServiceApi api;

    SessionsAuthentication(ServiceApi api) {
        this.api = api;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (username.isEmpty() || password.isEmpty()) {
            throw new BadCredentialsException("Enter your username and password.");
        }
        Answer answer;
        try {
            answer = api.post(Service.CATALOG, "api/sessions", null, Map.of("username", username, "password", password));
        } catch (Refusal refusal) {
            if (refusal.status() == 429) {
                log.warn("Sign-in of '{}' refused: the sessions API throttles it for {} s", username,
                        refusal.retryAfterSeconds());
                throw new TooManyAttempts(refusal.retryAfterSeconds());
            }
            if (refusal.status() == 401 || refusal.status() == 400) {
                throw new BadCredentialsException(WRONG_CREDENTIALS);
            }
            throw new AuthenticationServiceException("Signing in failed: " + refusal.getMessage(), refusal);
        } catch (Unreachable unreachable) {
            throw new AuthenticationServiceException(unreachable.getMessage(), unreachable);
        }
        EditorAccount account = account(answer.body());
        List<GrantedAuthority> authorities = new ArrayList<>();
        account.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))));
        return UsernamePasswordAuthenticationToken.authenticated(account, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static EditorAccount account(JsonNode session) {
        String token = session.path("token").asString("");
        JsonNode account = session.path("account");
        String id = account.path("id").asString("");
        if (token.isBlank() || id.isBlank()) {
            throw new AuthenticationServiceException("The sessions API answered without a token or account.");
        }
        List<String> roles = new ArrayList<>();
        account.path("roles").forEach(role -> roles.add(role.asString()));
        return new EditorAccount(id, account.path("displayName").asString(id), roles, token);
    }
}
