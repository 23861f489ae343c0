package org.llmreference.contracts.comparison;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One cell as shown, with its trace: {@code text} is {@code "-"} when unknown; {@code sourceUrl}
 * and {@code verifiedAt} say where it comes from and when it was last checked.
 */
public record Fact(
        @JsonProperty(required = true) String text,
        String sourceTitle,
        String sourceUrl,
        LocalDate verifiedAt) {

    public static Fact unknown() {
        return new Fact("-", null, null, null);
    }
}
