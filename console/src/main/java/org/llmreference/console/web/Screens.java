package org.llmreference.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders the console's JTE templates, precompiled at build time into this package's sibling. */
@Component
public class Screens {

    /** The templates' package, as the jte-maven-plugin {@code packageName} of this module's pom. */
    private static final String TEMPLATE_PACKAGE = "org.llmreference.console.screens";

    /** The htmx version of the pom's webjar, for the script's URL. */
    public static final String HTMX_VERSION = "2.0.4";

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Screens.class.getClassLoader(), TEMPLATE_PACKAGE);

    /** {@code template} (e.g. {@code "models.jte"}) rendered with alternating names and values. */
    public String render(String template, Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        StringOutput output = new StringOutput();
        templates.render(template, params, output);
        return output.toString();
    }

    /** The rendered screen as an HTML answer with {@code status}, never cached. */
    public ResponseEntity<String> answer(int status, String template, Object... namesAndValues) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(render(template, namesAndValues));
    }

    public ResponseEntity<String> ok(String template, Object... namesAndValues) {
        return answer(200, template, namesAndValues);
    }
}
