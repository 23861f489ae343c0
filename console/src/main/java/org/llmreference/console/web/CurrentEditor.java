package org.llmreference.console.web;

import org.llmreference.console.signin.EditorAccount;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;

import jakarta.servlet.http.HttpServletRequest;

/** The signed-in editor and the frame of a screen for them. */
public final class CurrentEditor {

    private CurrentEditor() {
    }

    public static EditorAccount account() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof EditorAccount) {
            return (EditorAccount) authentication.getPrincipal();
        }
        return null;
    }

    public static String token() {
        EditorAccount account = account();
        return account == null ? null : account.token();
    }

    public static Chrome chrome(HttpServletRequest request, String title, String section) {
        return new Chrome(title, section, account(), (CsrfToken) request.getAttribute(CsrfToken.class.getName()));
    }
}
