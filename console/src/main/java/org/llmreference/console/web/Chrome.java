package org.llmreference.console.web;

import org.llmreference.console.signin.EditorAccount;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every screen's frame needs: the page title, the section to highlight in the navigation, the
 * signed-in editor (null on the sign-in screen) and the CSRF token every form carries.
 */
public record Chrome(String title, String section, EditorAccount account, CsrfToken csrf) {

    public boolean isAdmin() {
        return account != null && account.hasRole("admin");
    }
}
