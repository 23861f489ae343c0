package org.llmreference.catalog.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.identity.AccountChanged;
import org.llmreference.platform.audit.AuditEntry;
import org.llmreference.platform.audit.AuditTrail;
import org.llmreference.platform.audit.FieldChange;
import org.llmreference.platform.outbox.PendingEvent;
import org.llmreference.platform.security.AccessTokens.Role;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The stored accounts, one document each:
 * {@code {_id, displayName, passwordHash, roles, disabled, tokens: [{id, name, hash, createdAt}],
 * sessions: [{hash, expiresAt}], revision, outbox: [pending events]}}. Every change puts the account's
 * new state for {@code identity.accounts.v1} into the outbox. Tokens and sessions are found by hash; there are few accounts,
 * so a scan is cheap.
 */
@Component
class Accounts {

    static final String COLLECTION = "accounts";

    /** The audit trail's names for an admin's change to an account. */
    static final String ACTION_CREATE = "account-create";
    static final String ACTION_UPDATE = "account-update";

    private final MongoCollection<Document> collection;
    private final AccountsRelay relay;
    private final AuditTrail audit;
    private final Clock clock;

    Accounts(MongoDatabase database, AccountsRelay relay, AuditTrail audit, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.relay = relay;
        this.audit = audit;
        this.clock = clock;
        audit.watch(collection);
    }

    Optional<Account> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).projection(new Document(PendingEvent.FIELD, 0)).first()).map(Accounts::account);
    }

    List<Account> all() {
        List<Account> all = new ArrayList<>();
        collection.find().sort(Sorts.ascending("_id")).forEach(document -> all.add(account(document)));
        return all;
    }

    boolean anyAdmin() {
        return collection.find(Filters.eq("roles", Role.ADMIN.wireName())).first() != null;
    }

    /** The account holding a live session or a personal token with this hash. */
    Optional<Account> findByTokenHash(String hash, Instant now) {
        Bson live = Filters.or(
                Filters.elemMatch("sessions", Filters.and(Filters.eq("hash", hash), Filters.gt("expiresAt", Date.from(now)))),
                Filters.eq("tokens.hash", hash));
        return Optional.ofNullable(collection.find(live).first()).map(Accounts::account);
    }

    /** Stores a new account, with its audit entry; false if the id is taken. */
    boolean insert(Account account) {
        try {
            collection.insertOne(new Document("_id", account.id()).append("displayName", account.displayName())
                    .append("passwordHash", account.passwordHash()).append("roles", roleNames(account.roles()))
                    .append("disabled", account.disabled()).append("tokens", List.of()).append("sessions", List.of())
                    .append("revision", 0L)
                    .append(AuditTrail.PENDING, List.of(AuditTrail.pending(auditEntry(ACTION_CREATE, null, account)))));
            audit.settle(collection, account.id());
            announce(account.id());
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Sets the account's profile fields, with the audit entry of what changed from {@code before};
     * revokes its sessions if {@code revokeSessions}.
     */
    void update(Account before, Account account, boolean revokeSessions) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("displayName", account.displayName()),
                Updates.set("passwordHash", account.passwordHash()), Updates.set("roles", roleNames(account.roles())),
                Updates.set("disabled", account.disabled())));
        if (revokeSessions) {
            updates.add(Updates.set("sessions", List.of()));
        }
        updates.add(Updates.push(AuditTrail.PENDING, AuditTrail.pending(auditEntry(ACTION_UPDATE, before, account))));
        collection.updateOne(Filters.eq("_id", account.id()), Updates.combine(updates));
        audit.settle(collection, account.id());
        announce(account.id());
    }

    /** The audit entry of an account's change: its profile fields old and new; a password only as changed, never its hash. */
    private AuditEntry auditEntry(String action, Account before, Account after) {
        List<FieldChange> changes = new ArrayList<>(FieldChange.between(before == null ? Map.of() : profile(before),
                profile(after)));
        if (before == null || !before.passwordHash().equals(after.passwordHash())) {
            changes.add(new FieldChange("password", null, before == null ? "set" : "changed"));
        }
        return AuditEntry.of(clock.instant(), audit.service(), action, null, null, changes, null)
                .aboutAccount(after.id());
    }

    private static Map<String, Object> profile(Account account) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("displayName", account.displayName());
        profile.put("roles", roleNames(account.roles()));
        profile.put("disabled", account.disabled());
        return profile;
    }

    /** Opens a session and drops the account's expired ones. */
    void addSession(String id, Account.Session session, Instant now) {
        collection.updateOne(Filters.eq("_id", id),
                Updates.pull("sessions", Filters.lte("expiresAt", Date.from(now))));
        collection.updateOne(Filters.eq("_id", id), Updates.push("sessions",
                new Document("hash", session.hash()).append("expiresAt", Date.from(session.expiresAt()))));
        announce(id);
    }

    /** Ends the session with this hash; false if there was none. */
    boolean removeSession(String id, String hash) {
        return announcedIf(collection.updateOne(Filters.eq("_id", id), Updates.pull("sessions", new Document("hash", hash)))
                .getModifiedCount() > 0, id);
    }

    void addToken(String id, Account.ApiToken token) {
        collection.updateOne(Filters.eq("_id", id), Updates.push("tokens", new Document("id", token.id())
                .append("name", token.name()).append("hash", token.hash()).append("createdAt", Date.from(token.createdAt()))));
        announce(id);
    }

    /** Revokes the personal token {@code tokenId}; false if the account has none such. */
    boolean removeToken(String id, String tokenId) {
        return announcedIf(collection.updateOne(Filters.eq("_id", id), Updates.pull("tokens", new Document("id", tokenId)))
                .getModifiedCount() > 0, id);
    }

    private boolean announcedIf(boolean changed, String id) {
        if (changed) {
            announce(id);
        }
        return changed;
    }

    /**
     * Puts the account's whole state, as every service needs it to authenticate, into its outbox for
     * {@code identity.accounts.v1}, guarded by its revision (a concurrent announcement makes this one
     * retry with the newer state). The state is read after the write it follows, so a later
     * announcement always carries every earlier change.
     */
    private void announce(String id) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Document document = collection.find(Filters.eq("_id", id)).projection(new Document(PendingEvent.FIELD, 0)).first();
            if (document == null) {
                return;
            }
            long revision = document.get("revision") instanceof Number number ? number.longValue() : 0L;
            Instant now = clock.instant();
            Envelope<AccountChanged> event = Envelope.startingChain(published(account(document), now), id, revision + 1, now);
            Bson guard = revision == 0 ? Filters.and(Filters.eq("_id", id),
                    Filters.or(Filters.eq("revision", 0L), Filters.exists("revision", false)))
                    : Filters.and(Filters.eq("_id", id), Filters.eq("revision", revision));
            if (collection.updateOne(guard, Updates.combine(Updates.set("revision", revision + 1),
                    Updates.push(PendingEvent.FIELD, PendingEvent.of(event, now).toDocument()))).getMatchedCount() > 0) {
                relay.wake(id);
                return;
            }
        }
        throw new IllegalStateException("account '" + id + "' kept changing while its state was announced");
    }

    /** What the other services learn: live token hashes only, none at all for a disabled account. */
    private static AccountChanged published(Account account, Instant now) {
        List<AccountChanged.LiveToken> live = new ArrayList<>();
        if (!account.disabled()) {
            for (Account.Session session : account.sessions()) {
                if (session.expiresAt().isAfter(now)) {
                    live.add(new AccountChanged.LiveToken(session.hash(), session.expiresAt()));
                }
            }
            for (Account.ApiToken token : account.tokens()) {
                live.add(new AccountChanged.LiveToken(token.hash(), null));
            }
        }
        return new AccountChanged(account.id(), account.displayName(), roleNames(account.roles()), account.disabled(), live);
    }

    private static List<String> roleNames(Set<Role> roles) {
        return roles.stream().sorted().map(Role::wireName).toList();
    }

    private static Account account(Document document) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : document.getList("roles", String.class, List.of())) {
            Role.fromWire(name).ifPresent(roles::add);
        }
        List<Account.ApiToken> tokens = new ArrayList<>();
        for (Document token : document.getList("tokens", Document.class, List.of())) {
            tokens.add(new Account.ApiToken(token.getString("id"), token.getString("name"), token.getString("hash"),
                    token.getDate("createdAt").toInstant()));
        }
        List<Account.Session> sessions = new ArrayList<>();
        for (Document session : document.getList("sessions", Document.class, List.of())) {
            sessions.add(new Account.Session(session.getString("hash"), session.getDate("expiresAt").toInstant()));
        }
        return new Account(document.getString("_id"), document.getString("displayName"),
                document.getString("passwordHash"), roles, Boolean.TRUE.equals(document.getBoolean("disabled")), tokens,
                sessions);
    }
}
