package org.llmreference.catalog.accounts.web;

import org.llmreference.catalog.accounts.AccountKeeping;
import org.llmreference.catalog.accounts.AccountKeeping.SignIn;
import org.llmreference.catalog.accounts.web.AccountJson.AccountView;
import org.llmreference.catalog.accounts.web.AccountJson.SessionView;
import org.llmreference.platform.security.Caller;
import org.llmreference.platform.web.FieldViolation;
import org.llmreference.platform.web.ProblemHandling;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

/** Signing in and out with a personal account. */
@RestController
@RequestMapping(path = "/api/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "sessions", description = "Sign in with a personal account for a bearer token; sign out")
class SessionsController {

    private final AccountKeeping keeping;

    SessionsController(AccountKeeping keeping) {
        this.keeping = keeping;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "signIn", summary = "Sign in: 201 with a session token (8 h); 401 on wrong credentials; 429 with Retry-After when throttled")
    ResponseEntity<Object> signIn(@RequestBody JsonNode body, HttpServletRequest request) {
        AccountJson.object(body);
        SignIn result = keeping.signIn(AccountJson.text(body, "username"), AccountJson.text(body, "password"),
                request.getRemoteAddr());
        if (result instanceof SignIn.Signed signed) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new SessionView(signed.token(), signed.expiresAt(), AccountView.of(signed.account())));
        }
        if (result instanceof SignIn.Throttled throttled) {
            long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            return problem(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled", "Too many failed sign-ins",
                    "Too many failed sign-ins for this username or from this address; try again in " + seconds
                            + " seconds.", request).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).build();
        }
        return problem(HttpStatus.UNAUTHORIZED, "wrong-credentials", "Wrong credentials",
                AccountKeeping.WRONG_CREDENTIALS, request).build();
    }

    @DeleteMapping("/current")
    @Operation(operationId = "signOut", summary = "Sign out: the session token stops working")
    ResponseEntity<Void> signOut(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = Caller.current().orElseThrow();
        keeping.signOut(caller, authorization.substring("Bearer ".length()).strip());
        return ResponseEntity.noContent().build();
    }

    private static ProblemResponse problem(HttpStatus status, String type, String title, String detail,
            HttpServletRequest request) {
        return new ProblemResponse(ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON),
                ProblemHandling.body(status, type, title, detail, java.util.List.<FieldViolation>of(), request.getRequestURI()));
    }

    /** A problem answer still taking headers. */
    private record ProblemResponse(ResponseEntity.BodyBuilder builder, Object body) {
        ProblemResponse header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        ResponseEntity<Object> build() {
            return builder.body(body);
        }
    }
}
