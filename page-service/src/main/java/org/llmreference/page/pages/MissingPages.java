package org.llmreference.page.pages;

import java.util.List;

import org.llmreference.page.http.Representation;

/**
 * The pages a visitor gets instead of a comparison: the 410 page of a withdrawn pair and the helpful
 * 404 page. The site draws them (they link to its model pages); comparison pages only ask for them.
 */
public interface MissingPages {

    /** The 410 page of a withdrawn pair, linking those of its models that still have comparisons. */
    Representation gone(IndexedPage page);

    /** The 404 page for {@code path}, suggesting models that resemble {@code asked}. */
    Representation notFound(String path, List<String> asked);
}
