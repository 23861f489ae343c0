package org.llmreference.page.directory.web;

import java.util.Map;

import org.llmreference.page.directory.ModelDirectory;
import org.llmreference.page.http.CachePolicy;
import org.llmreference.page.http.Responses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /models}: the model directory, a plain GET form and a table; 400 with the form for a bad parameter. */
@Controller
class DirectoryController {

    private final ModelDirectory directory;

    DirectoryController(ModelDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/models")
    ResponseEntity<byte[]> directory(@RequestParam Map<String, String> parameters, @RequestHeader HttpHeaders request) {
        ModelDirectory.Answer answer = directory.page(parameters);
        if (!answer.valid()) {
            return Responses.send(request, HttpStatus.BAD_REQUEST, answer.representation(), CachePolicy.NOT_FOUND);
        }
        return Responses.send(request, HttpStatus.OK, answer.representation(), CachePolicy.PAGE);
    }
}
