package org.llmreference.platform.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How personal tokens are made and kept: 256 random bits, shown once, stored and published only as
 * their SHA-256 hash (lower-case hex).
 */
public final class TokenHash {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHash() {
    }

    /** A new token: 32 random bytes, base64url without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 hash of {@code token}, lower-case hex. */
    public static String of(String token) {
        return HexFormat.of().formatHex(AccessTokens.digest(token));
    }
}
