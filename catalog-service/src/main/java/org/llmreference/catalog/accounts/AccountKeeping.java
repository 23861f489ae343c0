package org.llmreference.catalog.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.llmreference.platform.security.AccessTokens.Role;
import org.llmreference.platform.security.Caller;
import org.llmreference.platform.security.TokenAuthority;
import org.llmreference.platform.security.TokenHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Personal accounts: sign-in (throttled) and sign-out, personal API tokens, and the admin's account
 * management. Also the {@link TokenAuthority} of this service, answering from the store so that a
 * sign-out or a revoked token stops working at once.
 */
@Service
@EnableConfigurationProperties(AccountSettings.class)
public class AccountKeeping implements TokenAuthority {

    /** The account the first admin gets. */
    public static final String FIRST_ADMIN = "admin";
    /** One answer for an unknown username and a wrong password, so neither can be told apart. */
    public static final String WRONG_CREDENTIALS = "The username or password is wrong.";

    private static final Logger log = LoggerFactory.getLogger(AccountKeeping.class);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final Set<String> RESERVED = Set.of(Caller.AUTOMATION.id(), Caller.OPS_AUTOMATION.id());
    private static final int MIN_PASSWORD = 10;
    /** bcrypt reads only the first 72 bytes. */
    private static final int MAX_PASSWORD_BYTES = 72;

    private final Accounts accounts;
    private final SignInThrottle throttle;
    private final AccountSettings settings;
    private final Clock clock;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** Checked against when the username is unknown, so that an unknown user costs as much as a wrong password. */
    private final String decoyHash = encoder.encode(TokenHash.newToken());

    AccountKeeping(Accounts accounts, SignInThrottle throttle, AccountSettings settings, Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.settings = settings;
        this.clock = clock;
    }

    /** What became of a sign-in attempt. */
    public sealed interface SignIn {
        /** Signed in: {@code token} is shown once. */
        record Signed(String token, Instant expiresAt, Account account) implements SignIn {
        }

        /** Unknown username, wrong password or disabled account: one answer for all three. */
        record Refused() implements SignIn {
        }

        /** Too many failed attempts for the username or from the address. */
        record Throttled(Duration retryAfter) implements SignIn {
        }
    }

    /** A new personal token: {@code token} is shown once. */
    public record IssuedToken(Account.ApiToken stored, String token) {
    }

    /** What an admin may change on an account; null leaves a field as it is. */
    public record AccountPatch(String displayName, String password, Set<Role> roles, Boolean disabled) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void createTheFirstAdmin() {
        if (accounts.anyAdmin()) {
            return;
        }
        if (settings.adminPassword().isBlank()) {
            log.warn("No admin account exists and LLMREF_ADMIN_PASSWORD is not set: nobody can manage accounts.");
            return;
        }
        if (accounts.insert(new Account(FIRST_ADMIN, "Administrator", encoder.encode(settings.adminPassword()),
                Set.of(Role.ADMIN), false, List.of(), List.of()))) {
            log.info("Created the first admin account '{}' with the password from LLMREF_ADMIN_PASSWORD.", FIRST_ADMIN);
        }
    }

    public SignIn signIn(String username, String password, String address) {
        Instant now = clock.instant();
        String user = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        Optional<Duration> locked = throttle.lockedOut(user, address, now);
        if (locked.isPresent()) {
            log.warn("Sign-in refused while locked out after repeated failures: username='{}' address='{}'",
                    printable(user), printable(address));
            return new SignIn.Throttled(locked.get());
        }
        Optional<Account> account = SLUG.matcher(user).matches() ? accounts.find(user) : Optional.empty();
        String offered = password == null ? "" : password;
        boolean matches = encoder.matches(offered, account.map(Account::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches || account.get().disabled()) {
            throttle.failed(user, address, now);
            log.info("Sign-in failed: username='{}' address='{}'", printable(user), printable(address));
            return new SignIn.Refused();
        }
        throttle.succeeded(user);
        String token = TokenHash.newToken();
        Instant expiresAt = now.plus(settings.sessionLifetime());
        accounts.addSession(user, new Account.Session(TokenHash.of(token), expiresAt), now);
        return new SignIn.Signed(token, expiresAt, account.get());
    }

    /** Ends the session the caller signed in with (the token it presents). */
    public void signOut(Caller caller, String token) {
        if (!accounts.removeSession(caller.id(), TokenHash.of(token))) {
            throw AccountRefused.invalid("token", "not-a-session",
                    "This token is not a session (a personal API token is revoked with DELETE /api/accounts/me/tokens/{id}).");
        }
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        return accounts.findByTokenHash(TokenHash.of(token), clock.instant()).filter(account -> !account.disabled())
                .map(Account::caller);
    }

    public Account me(Caller caller) {
        return accounts.find(caller.id()).orElseThrow(() -> AccountRefused.notFound("account", caller.id()));
    }

    public Optional<Account> find(String id) {
        return accounts.find(id);
    }

    public List<Account> all() {
        return accounts.all();
    }

    public Account create(String id, String displayName, String password, Set<Role> roles) {
        if (id == null || !SLUG.matcher(id).matches() || RESERVED.contains(id)) {
            throw AccountRefused.invalid("id", "slug", "must be 2 to 40 lower-case letters, digits or '-', starting with a "
                    + "letter or digit, and not 'automation' or 'ops-automation'");
        }
        Account account = new Account(id, checkedName(displayName), encoder.encode(checkedPassword(password)),
                checkedRoles(roles), false, List.of(), List.of());
        if (!accounts.insert(account)) {
            throw AccountRefused.conflict("id", "taken", "An account '" + id + "' exists already.");
        }
        return account;
    }

    /** An admin's change to an account; the last enabled admin keeps its admin role and stays enabled. */
    public Account patch(Caller admin, String id, AccountPatch patch) {
        if (!admin.has(Role.ADMIN)) {
            throw AccountRefused.forbidden("Only an admin manages accounts.");
        }
        Account before = accounts.find(id).orElseThrow(() -> AccountRefused.notFound("account", id));
        Account after = new Account(id, patch.displayName() == null ? before.displayName() : checkedName(patch.displayName()),
                patch.password() == null ? before.passwordHash() : encoder.encode(checkedPassword(patch.password())),
                patch.roles() == null ? before.roles() : checkedRoles(patch.roles()),
                patch.disabled() == null ? before.disabled() : patch.disabled(), before.tokens(), before.sessions());
        boolean losesAdmin = before.isAdmin() && !before.disabled() && (!after.isAdmin() || after.disabled());
        if (losesAdmin && accounts.all().stream().filter(a -> a.isAdmin() && !a.disabled()).count() <= 1) {
            throw AccountRefused.conflict(patch.roles() != null ? "roles" : "disabled", "last-admin",
                    "'" + id + "' is the last enabled admin: make another account admin first.");
        }
        accounts.update(before, after, patch.password() != null || after.disabled());
        return after;
    }

    public IssuedToken issueToken(Caller caller, String name) {
        String checked = name == null ? "" : name.strip();
        if (checked.isEmpty() || checked.length() > 100 || checked.chars().anyMatch(Character::isISOControl)) {
            throw AccountRefused.invalid("name", "length", "must be 1 to 100 characters without control characters");
        }
        String token = TokenHash.newToken();
        Account.ApiToken stored = new Account.ApiToken(UUID.randomUUID().toString(), checked, TokenHash.of(token),
                clock.instant());
        accounts.addToken(me(caller).id(), stored);
        return new IssuedToken(stored, token);
    }

    public List<Account.ApiToken> tokens(Caller caller) {
        return me(caller).tokens();
    }

    public void revokeToken(Caller caller, String tokenId) {
        if (!accounts.removeToken(caller.id(), tokenId)) {
            throw AccountRefused.notFound("token", tokenId);
        }
    }

    private static String checkedName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw AccountRefused.invalid("displayName", "length", "must be 1 to 100 characters without control characters");
        }
        return name;
    }

    private static String checkedPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw AccountRefused.invalid("password", "length",
                    "must be at least " + MIN_PASSWORD + " characters and at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        return password;
    }

    private static Set<Role> checkedRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw AccountRefused.invalid("roles", "required", "must name at least one of editor, ops, admin");
        }
        return EnumSet.copyOf(roles);
    }

    /** A value safe to log: no line breaks or other control characters, at most 100 characters. */
    static String printable(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "..." : clean;
    }
}
