package org.llmreference.console.signin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.llmreference.console.web.CurrentEditor;
import org.llmreference.console.web.Screens;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The 403 screen: a form without a valid CSRF token, or a screen the editor's roles do not open
 * (accounts are for admins). Nothing was done; the screen says why, in the console's frame.
 */
@Component
class Forbidden implements AccessDeniedHandler {

    private final Screens screens;

    Forbidden(Screens screens) {
        this.screens = screens;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String message = denied instanceof CsrfException
                ? "This form is no longer valid (its security token is missing or expired): reload the page and try again."
                : "Your account does not have the role this screen needs: accounts are managed by admins.";
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(screens.render("problem.jte", "chrome",
                CurrentEditor.chrome(request, "Not allowed", null), "message", message).getBytes(StandardCharsets.UTF_8));
    }
}
