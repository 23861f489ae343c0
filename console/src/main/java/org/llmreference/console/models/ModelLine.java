package org.llmreference.console.models;

/** One line of the models list. */
public record ModelLine(String id, String name, String vendor, String status) {
}
