package org.llmreference.console.signin;

import org.llmreference.console.web.CurrentEditor;
import org.llmreference.console.web.Screens;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The sign-in screen; Spring Security's form login handles its POST. */
@Controller
class SignInController {

    private final Screens screens;

    SignInController(Screens screens) {
        this.screens = screens;
    }

    @GetMapping({ "/", "/console", "/console/" })
    String home() {
        return "redirect:/console/models";
    }

    @GetMapping(ConsoleSecurity.SIGN_IN)
    ResponseEntity<String> signIn(HttpServletRequest request) {
        String message = null;
        String notice = null;
        if (request.getParameter("error") != null) {
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            message = failure instanceof AuthenticationException ? ((AuthenticationException) failure).getMessage()
                    : SessionsAuthentication.WRONG_CREDENTIALS;
            if (session != null) {
                session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            }
        } else if (request.getParameter("expired") != null) {
            notice = "Your session has ended; sign in again.";
        } else if (request.getParameter("signed-out") != null) {
            notice = "You are signed out.";
        }
        return screens.answer(message == null ? 200 : 401, "sign-in.jte", "chrome",
                CurrentEditor.chrome(request, "Sign in", null), "message", message, "notice", notice);
    }
}
