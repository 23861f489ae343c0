package org.llmreference.platform.web;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Says in an editor's words which field of a JSON body is wrong, and by which rule. */
public final class JsonFaults {

    private JsonFaults() {
    }

    public static FieldViolation describe(JacksonException e) {
        String field = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldViolation(field, "unknown-field",
                    "is not a field of this resource (known: " + unknown.getKnownPropertyIds() + ")");
        }
        if (e instanceof TextRules.RefusedText refused) {
            return new FieldViolation(field, refused.rule(), refused.getOriginalMessage());
        }
        if (e instanceof InvalidFormatException invalid) {
            return new FieldViolation(field, "type", "'" + invalid.getValue() + "' is not a valid "
                    + typeName(invalid.getTargetType()));
        }
        if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause() == null ? instantiation : instantiation.getCause();
            return new FieldViolation(field.equals("body") ? "body" : field, "invalid", String.valueOf(cause.getMessage()));
        }
        if (e instanceof MismatchedInputException mismatched) {
            String message = String.valueOf(mismatched.getOriginalMessage());
            if (message.startsWith("Missing required creator property")) {
                String name = message.replaceAll("(?s)^Missing required creator property '([^']*)'.*$", "$1");
                boolean named = field.equals(name) || field.endsWith("." + name);
                return new FieldViolation(named ? field : field.equals("body") ? name : field + "." + name, "required",
                        "is required");
            }
            if (message.contains("No content to map") || message.contains("end-of-input")) {
                return new FieldViolation("body", "required", "a JSON body is required");
            }
            if (message.startsWith("Trailing token")) {
                return new FieldViolation("body", "malformed-json", "must hold exactly one JSON value");
            }
            return new FieldViolation(field, "type", "must be " + article(typeName(mismatched.getTargetType())));
        }
        if (e instanceof StreamReadException read) {
            String message = String.valueOf(read.getOriginalMessage());
            if (message.startsWith("Duplicate Object property")) {
                String name = message.replaceAll("(?s)^Duplicate Object property \"([^\"]*)\".*$", "$1");
                return new FieldViolation(field.equals("body") ? name : field + "." + name, "duplicate-field",
                        "appears more than once");
            }
            return new FieldViolation("body", "malformed-json", "is not valid JSON: " + firstLine(message));
        }
        return new FieldViolation(field, "invalid", firstLine(String.valueOf(e.getOriginalMessage())));
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value of another type";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return type == Integer.class || type == Long.class || type == int.class || type == long.class
                    ? "whole number" : "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class) {
            return "timestamp (ISO 8601, e.g. 2026-12-01T00:00:00Z)";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase()).toList();
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String article(String noun) {
        return noun.startsWith("one of") ? noun : (noun.matches("^[aeiou].*") ? "an " : "a ") + noun;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
