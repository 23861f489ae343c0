package org.llmreference.comparison.recompute;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.comparison.Comparison;

import tools.jackson.databind.JsonNode;

/**
 * SHA-256 over a comparison's wire JSON (record components in declaration order, decimals written
 * plainly), and over each of its sections: two comparisons with equal content have equal hashes,
 * whatever event led to them.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public record Hashes(String content, Map<String, String> sections) {
    }

    public static Hashes of(Comparison comparison) {
        JsonNode tree = EventCodec.mapper().valueToTree(comparison);
        Map<String, String> sections = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            if (!field.getKey().equals("pairId")) {
                sections.put(field.getKey(), sha256(field.getValue().toString()));
            }
        }
        return new Hashes(sha256(tree.toString()), sections);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
