package org.llmreference.platform.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;
import org.bson.types.Decimal128;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One field an accepted change changed: its value before and after, as JSON values (text, number,
 * boolean, list, object), {@code null} where there was none.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FieldChange(String field, @JsonProperty("old") Object before, @JsonProperty("new") Object after) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
        before = plain(before);
        after = plain(after);
    }

    /**
     * The changes between two flat views of a state (field name to value, as stored), field by field
     * in the order the fields first appear: a field only one side has changed from or to {@code null}.
     */
    public static List<FieldChange> between(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> fields = new LinkedHashMap<>();
        before.keySet().forEach(field -> fields.put(field, null));
        after.keySet().forEach(field -> fields.put(field, null));
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields.keySet()) {
            Object old = plain(before.get(field));
            Object now = plain(after.get(field));
            if (!Objects.equals(old, now)) {
                changes.add(new FieldChange(field, old, now));
            }
        }
        return changes;
    }

    Document toDocument() {
        return new Document("field", field).append("old", stored(before)).append("new", stored(after));
    }

    static FieldChange fromDocument(Document document) {
        return new FieldChange(document.getString("field"), document.get("old"), document.get("new"));
    }

    /** A stored value as plain Java for JSON: decimals as {@link BigDecimal}, dates as ISO text, documents as maps. */
    static Object plain(Object value) {
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof java.time.Instant instant) {
            return instant.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((key, entry) -> plain.put(String.valueOf(key), plain(entry)));
            return plain;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FieldChange::plain).toList();
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        return value;
    }

    /** A plain value as MongoDB stores it (decimals exactly, as {@code Decimal128}). */
    private static Object stored(Object value) {
        if (value instanceof BigDecimal decimal) {
            return new Decimal128(decimal);
        }
        if (value instanceof Map<?, ?> map) {
            Document document = new Document();
            map.forEach((key, entry) -> document.append(String.valueOf(key), stored(entry)));
            return document;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FieldChange::stored).toList();
        }
        return value;
    }
}
