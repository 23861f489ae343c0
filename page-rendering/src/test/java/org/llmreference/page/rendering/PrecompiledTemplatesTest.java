package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The templates are Java classes compiled with the module: nothing is parsed or compiled at run time. */
class PrecompiledTemplatesTest {

    @Test
    void everyPageTemplateIsACompiledClassOfThisPackage() throws Exception {
        for (String template : new String[] {"layout", "comparison", "model", "index", "gone", "notFound"}) {
            Class<?> compiled = Class.forName("org.llmreference.page.rendering.Jte" + template + "Generated");
            assertThat(compiled.getDeclaredField("JTE_NAME").get(null)).isEqualTo(template + ".jte");
        }
    }

    @Test
    void rendersTheSameHtmlEveryTime() {
        PageRenderer renderer = new PageRenderer(DemoPages.SITE);
        assertThat(renderer.comparison(DemoPages.goldenPage())).isEqualTo(renderer.comparison(DemoPages.goldenPage()));
    }
}
