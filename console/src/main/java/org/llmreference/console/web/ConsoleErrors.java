package org.llmreference.console.web;

import org.llmreference.console.services.Refusal;
import org.llmreference.console.services.Unreachable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * What a screen shows when a service refuses or cannot be reached and the screen itself has no
 * better place for it: the service's own message, never a stack trace.
 */
@ControllerAdvice
class ConsoleErrors {

    private final Screens screens;

    ConsoleErrors(Screens screens) {
        this.screens = screens;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<String> refused(Refusal refusal, HttpServletRequest request) {
        if (refusal.status() == 401) {
            // The session token expired or was revoked: the console session ends with it.
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            return ResponseEntity.status(303).header("Location", "/console/sign-in?expired").build();
        }
        int status = refusal.status() == 403 ? 403 : refusal.status() >= 500 ? 502 : refusal.status();
        String message = refusal.status() == 403
                ? "Your account does not have the role this needs: " + refusal.getMessage()
                : refusal.getMessage();
        return screens.answer(status, "problem.jte", "chrome", CurrentEditor.chrome(request, "Not done", null),
                "message", message);
    }

    @ExceptionHandler(Unreachable.class)
    ResponseEntity<String> unreachable(Unreachable unreachable, HttpServletRequest request) {
        return screens.answer(503, "problem.jte", "chrome", CurrentEditor.chrome(request, "Not done", null),
                "message", unreachable.getMessage());
    }

    @ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            BadForm.class })
    ResponseEntity<String> badRequest(Exception e, HttpServletRequest request) {
        return screens.answer(400, "problem.jte", "chrome", CurrentEditor.chrome(request, "Bad request", null),
                "message", e.getMessage());
    }
}
