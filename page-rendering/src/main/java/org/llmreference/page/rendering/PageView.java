package org.llmreference.page.rendering;

/** A page that needs nothing derived: the site and the page's view record, for its template. */
record PageView<P>(Site site, P page) {
}
