/**
 * The model directory as pure Java: every model as a row (its facts and its cheapest active route),
 * and the query that filters, sorts and pages them. No Spring, no I/O, no clock: page-service serves
 * it at {@code /models} and {@code /models.json}, and the bench loads it with the full catalog.
 */
package org.llmreference.page.listing;
