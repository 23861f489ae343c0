package org.llmreference.page.ondemand.web;

import java.net.URI;

import org.llmreference.page.http.CachePolicy;
import org.llmreference.page.http.Representation;
import org.llmreference.page.http.Responses;
import org.llmreference.page.ondemand.Picker;
import org.llmreference.page.ondemand.Picker.Choice;
import org.llmreference.page.rendering.PageRenderer;
import org.llmreference.page.rendering.PickerPage;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /compare?a=...&b=...}, the picker's plain GET form: 303 to the pair's canonical page when
 * both fields name different live models, else the form back (400) saying what is wrong next to the
 * field. Without {@code a} and {@code b}, the empty form (200).
 */
@Controller
class PickerController {

    private final Picker picker;
    private final PageRenderer renderer;

    PickerController(Picker picker, PageRenderer renderer) {
        this.picker = picker;
        this.renderer = renderer;
    }

    @GetMapping("/compare")
    ResponseEntity<byte[]> pick(@RequestParam(name = "a", required = false) String a,
            @RequestParam(name = "b", required = false) String b, @RequestHeader HttpHeaders request) {
        if (a == null && b == null) {
            return page(request, HttpStatus.OK, new PickerPage(null, null, null, null, picker.suggestions()));
        }
        Choice choice = picker.choose(a, b);
        if (choice.valid()) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(PageRenderer.comparePath(choice.pair().toString())))
                    .cacheControl(CacheControl.noCache()).build();
        }
        return page(request, HttpStatus.BAD_REQUEST,
                new PickerPage(shortened(a), shortened(b), choice.errorA(), choice.errorB(), picker.suggestions()));
    }

    private ResponseEntity<byte[]> page(HttpHeaders request, HttpStatus status, PickerPage page) {
        Representation html = Representation.of(Representation.HTML, renderer.picker(page), null, null);
        return Responses.send(request, status, html, CachePolicy.NOT_FOUND);
    }

    /** What the visitor typed, cut to a field's length when shown again. */
    private static String shortened(String typed) {
        return typed == null || typed.length() <= 200 ? typed : typed.substring(0, 200);
    }
}
