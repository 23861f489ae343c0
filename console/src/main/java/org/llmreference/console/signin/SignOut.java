package org.llmreference.console.signin;

import org.llmreference.console.services.Refusal;
import org.llmreference.console.services.Service;
import org.llmreference.console.services.ServiceApi;
import org.llmreference.console.services.Unreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** On sign-out the session token is revoked ({@code DELETE /api/sessions/current}), not only forgotten. */
@Component
class SignOut implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(SignOut.class);

    private final ServiceApi api;

    SignOut(ServiceApi api) {
        this.api = api;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof EditorAccount)) {
            return;
        }
        EditorAccount account = (EditorAccount) authentication.getPrincipal();
        try {
            api.send(Service.CATALOG, "DELETE", "api/sessions/current", account.token(), null, null, null, null);
        } catch (Refusal refusal) {
            // 401: the token had already expired or been revoked, which is what sign-out wants.
            if (refusal.status() != 401) {
                log.warn("Revoking the session token of '{}' failed: {} {}", account.id(), refusal.status(), refusal.getMessage());
            }
        } catch (Unreachable unreachable) {
            log.warn("Revoking the session token of '{}' failed: {}", account.id(), unreachable.getMessage());
        }
    }
}
