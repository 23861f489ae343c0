package org.llmreference.catalog.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
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
 * sessions: [{hash, expiresAt}]}}. Tokens and sessions are found by hash; there are few accounts,
 * so a scan is cheap.
 */
@Component
class Accounts {

    static final String COLLECTION = "accounts";

    private final MongoCollection<Document> collection;

    Accounts(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    Optional<Account> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(Accounts::account);
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

    /** Stores a new account; false if the id is taken. */
    boolean insert(Account account) {
        try {
            collection.insertOne(new Document("_id", account.id()).append("displayName", account.displayName())
                    .append("passwordHash", account.passwordHash()).append("roles", roleNames(account.roles()))
                    .append("disabled", account.disabled()).append("tokens", List.of()).append("sessions", List.of()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Sets the account's profile fields; revokes its sessions if {@code revokeSessions}. */
    void update(Account account, boolean revokeSessions) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("displayName", account.displayName()),
                Updates.set("passwordHash", account.passwordHash()), Updates.set("roles", roleNames(account.roles())),
                Updates.set("disabled", account.disabled())));
        if (revokeSessions) {
            updates.add(Updates.set("sessions", List.of()));
        }
        collection.updateOne(Filters.eq("_id", account.id()), Updates.combine(updates));
    }

    /** Opens a session and drops the account's expired ones. */
    void addSession(String id, Account.Session session, Instant now) {
        collection.updateOne(Filters.eq("_id", id),
                Updates.pull("sessions", Filters.lte("expiresAt", Date.from(now))));
        collection.updateOne(Filters.eq("_id", id), Updates.push("sessions",
                new Document("hash", session.hash()).append("expiresAt", Date.from(session.expiresAt()))));
    }

    /** Ends the session with this hash; false if there was none. */
    boolean removeSession(String id, String hash) {
        return collection.updateOne(Filters.eq("_id", id), Updates.pull("sessions", new Document("hash", hash)))
                .getModifiedCount() > 0;
    }

    void addToken(String id, Account.ApiToken token) {
        collection.updateOne(Filters.eq("_id", id), Updates.push("tokens", new Document("id", token.id())
                .append("name", token.name()).append("hash", token.hash()).append("createdAt", Date.from(token.createdAt()))));
    }

    /** Revokes the personal token {@code tokenId}; false if the account has none such. */
    boolean removeToken(String id, String tokenId) {
        return collection.updateOne(Filters.eq("_id", id), Updates.pull("tokens", new Document("id", tokenId)))
                .getModifiedCount() > 0;
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
