package org.llmreference.console.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmreference.console.services.Refusal;
import org.llmreference.console.services.Service;
import org.llmreference.console.services.ServiceApi;
import org.llmreference.console.web.CurrentEditor;
import org.llmreference.console.web.Screens;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

/**
 * Accounts, for admins only (the console's security rules answer 403 to anyone else, and so does
 * catalog-service's {@code /api/accounts}): the list, a form to create one (id, display name, password,
 * roles) and an editor per account (display name, a new password, roles, disabled). What the API refuses
 * (a short password, a taken id, taking the admin role from the last admin) is shown next to its field.
 */
@Controller
class AccountsController {

    static final List<String> ROLES = List.of("editor", "ops", "admin");
    private static final String ACCOUNTS = "api/accounts";

    private final ServiceApi api;
    private final Screens screens;

    AccountsController(ServiceApi api, Screens screens) {
        this.api = api;
        this.screens = screens;
    }

    @GetMapping("/console/accounts")
    ResponseEntity<String> list(HttpServletRequest request) {
        return list(request, 200, Map.of("id", "", "displayName", ""), List.of("editor"), Map.of(),
                request.getParameter("saved") != null ? "Saved." : null);
    }

    @PostMapping("/console/accounts")
    ResponseEntity<String> create(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        Map<String, String> draft = Map.of("id", text(form, "id").strip(), "displayName", text(form, "displayName"));
        List<String> roles = roles(form);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", draft.get("id"));
        body.put("displayName", draft.get("displayName"));
        body.put("password", text(form, "password"));
        body.put("roles", roles);
        try {
            api.post(Service.CATALOG, ACCOUNTS, CurrentEditor.token(), body);
        } catch (Refusal refusal) {
            passOn(refusal);
            return list(request, refusal.status(), draft, roles, errors(refusal), null);
        }
        return saved();
    }

    @GetMapping("/console/accounts/{id}")
    ResponseEntity<String> edit(@PathVariable String id, HttpServletRequest request) {
        AccountLine account = find(id);
        return editor(request, 200, account, account.displayName(), account.roles(), account.disabled(), Map.of());
    }

    @PostMapping("/console/accounts/{id}")
    ResponseEntity<String> save(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        AccountLine account = find(id);
        String displayName = text(form, "displayName");
        List<String> roles = roles(form);
        boolean disabled = "true".equals(form.getFirst("disabled"));
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("displayName", displayName);
        patch.put("roles", roles);
        patch.put("disabled", disabled);
        String password = text(form, "password");
        if (!password.isEmpty()) {
            patch.put("password", password);
        }
        try {
            api.send(Service.CATALOG, "PATCH", ACCOUNTS + "/" + ServiceApi.encode(id), CurrentEditor.token(), patch,
                    "application/merge-patch+json", null, null);
        } catch (Refusal refusal) {
            passOn(refusal);
            return editor(request, refusal.status(), account, displayName, roles, disabled, errors(refusal));
        }
        return saved();
    }

    private ResponseEntity<String> list(HttpServletRequest request, int status, Map<String, String> draft,
            List<String> draftRoles, Map<String, String> errors, String notice) {
        return screens.answer(status, "accounts.jte", "chrome", CurrentEditor.chrome(request, "Accounts", "accounts"),
                "accounts", all(), "roles", ROLES, "draft", draft, "draftRoles", draftRoles, "errors", errors,
                "notice", notice);
    }

    private ResponseEntity<String> editor(HttpServletRequest request, int status, AccountLine account,
            String displayName, List<String> roles, boolean disabled, Map<String, String> errors) {
        return screens.answer(status, "account.jte", "chrome",
                CurrentEditor.chrome(request, "Account " + account.id(), "accounts"), "account", account,
                "allRoles", ROLES, "displayName", displayName, "roles", roles, "disabled", disabled, "errors", errors,
                "self", account.id().equals(CurrentEditor.account().id()));
    }

    private List<AccountLine> all() {
        List<AccountLine> accounts = new ArrayList<>();
        for (JsonNode account : api.get(Service.CATALOG, ACCOUNTS, CurrentEditor.token()).body().path("accounts")) {
            List<String> roles = new ArrayList<>();
            account.path("roles").forEach(role -> roles.add(role.asString()));
            accounts.add(new AccountLine(account.path("id").asString(""), account.path("displayName").asString(""),
                    roles, account.path("disabled").asBoolean(false)));
        }
        return accounts;
    }

    private AccountLine find(String id) {
        return all().stream().filter(account -> account.id().equals(id)).findFirst()
                .orElseThrow(() -> new Refusal(Service.CATALOG, 404, "No account '" + id + "' exists.", Map.of(), 0));
    }

    /** The API's field problems by form field; a problem without a field under the key "". */
    private static Map<String, String> errors(Refusal refusal) {
        Map<String, String> errors = new LinkedHashMap<>(refusal.fieldErrors());
        if (errors.isEmpty() || !List.of("id", "displayName", "password", "roles", "disabled").containsAll(errors.keySet())) {
            errors.put("", refusal.getMessage());
        }
        return errors;
    }

    private static List<String> roles(MultiValueMap<String, String> form) {
        List<String> chosen = form.getOrDefault("roles", List.of());
        return ROLES.stream().filter(chosen::contains).toList();
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        return form.getFirst(name) == null ? "" : form.getFirst(name);
    }

    private static void passOn(Refusal refusal) {
        if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() >= 500) {
            throw refusal;
        }
    }

    private static ResponseEntity<String> saved() {
        return ResponseEntity.status(303).header("Location", "/console/accounts?saved").build();
    }
}
