package org.llmreference.catalog.models;

import org.llmreference.contracts.catalog.ModelStatus;

/**
 * Which models a listing shows; {@code null} matches every model.
 *
 * @param vendor     the vendor, ignoring case
 * @param capability the name of a capability the model has ({@code true}), e.g. {@code toolUse}
 * @param family     the family, ignoring case
 */
public record ModelFilter(String vendor, String capability, ModelStatus status, String family) {
}
