package org.llmreference.catalog.accounts.web;

import java.net.URI;

import org.llmreference.catalog.accounts.Account;
import org.llmreference.catalog.accounts.AccountKeeping;
import org.llmreference.catalog.accounts.AccountKeeping.AccountPatch;
import org.llmreference.catalog.accounts.AccountKeeping.IssuedToken;
import org.llmreference.catalog.accounts.web.AccountJson.AccountView;
import org.llmreference.catalog.accounts.web.AccountJson.Accounts;
import org.llmreference.catalog.accounts.web.AccountJson.IssuedTokenView;
import org.llmreference.catalog.accounts.web.AccountJson.TokenView;
import org.llmreference.catalog.accounts.web.AccountJson.Tokens;
import org.llmreference.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Accounts: one's own account and personal API tokens (any signed-in caller), and account
 * management (admin only; the security rules refuse others with 403).
 */
@RestController
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "accounts", description = "Personal accounts, roles and personal API tokens")
class AccountsController {

    private final AccountKeeping keeping;

    AccountsController(AccountKeeping keeping) {
        this.keeping = keeping;
    }

    @GetMapping("/me")
    @Operation(operationId = "getMyAccount", summary = "The caller's account")
    AccountView me() {
        Caller caller = caller();
        return keeping.find(caller.id()).map(AccountView::of)
                .orElseGet(() -> new AccountView(caller.id(), caller.displayName(),
                        caller.roles().stream().sorted().map(r -> r.wireName()).toList(), false));
    }

    @PostMapping(path = "/me/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createToken", summary = "A new personal API token; its value is shown only in this answer")
    ResponseEntity<IssuedTokenView> issueToken(@RequestBody JsonNode body) {
        AccountJson.object(body);
        IssuedToken issued = keeping.issueToken(caller(), AccountJson.text(body, "name"));
        return ResponseEntity.status(HttpStatus.CREATED).body(new IssuedTokenView(issued.stored().id(),
                issued.stored().name(), issued.token(), issued.stored().createdAt()));
    }

    @GetMapping("/me/tokens")
    @Operation(operationId = "listTokens", summary = "The caller's personal API tokens (names, never values)")
    Tokens tokens() {
        return new Tokens(keeping.tokens(caller()).stream().map(TokenView::of).toList());
    }

    @DeleteMapping("/me/tokens/{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke one of the caller's personal API tokens")
    ResponseEntity<Void> revokeToken(@PathVariable String id) {
        keeping.revokeToken(caller(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(operationId = "listAccounts", summary = "Every account (admin)")
    Accounts all() {
        return new Accounts(keeping.all().stream().map(AccountView::of).toList());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createAccount", summary = "Create an account (admin)")
    ResponseEntity<AccountView> create(@RequestBody JsonNode body) {
        AccountJson.object(body);
        Account account = keeping.create(AccountJson.text(body, "id"), AccountJson.text(body, "displayName"),
                AccountJson.text(body, "password"), AccountJson.roles(body));
        return ResponseEntity.created(URI.create("/api/accounts/" + account.id())).body(AccountView.of(account));
    }

    @PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE })
    @Operation(operationId = "patchAccount", summary = "Change an account's displayName, password, roles or disabled flag (admin)")
    AccountView patch(@PathVariable String id, @RequestBody JsonNode body) {
        AccountJson.object(body);
        JsonNode disabled = body.get("disabled");
        if (disabled != null && !disabled.isNull() && !disabled.isBoolean()) {
            throw org.llmreference.platform.web.ApiProblem.invalid("disabled", "type", "must be true or false");
        }
        return AccountView.of(keeping.patch(caller(), id, new AccountPatch(AccountJson.text(body, "displayName"),
                AccountJson.text(body, "password"), AccountJson.roles(body),
                disabled == null || disabled.isNull() ? null : disabled.booleanValue())));
    }

    private static Caller caller() {
        return Caller.current().orElseThrow();
    }
}
