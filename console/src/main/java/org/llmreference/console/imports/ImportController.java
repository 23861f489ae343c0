package org.llmreference.console.imports;

import java.io.IOException;

import org.llmreference.console.web.CurrentEditor;
import org.llmreference.console.web.Screens;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import a bundle: upload a file (multipart, at most 16 MB like the import endpoints), see what it
 * would add, change or leave as it is, then apply it and follow its progress on a screen that
 * refreshes itself until the import is done.
 */
@Controller
class ImportController {

    static final String TOO_LARGE = "The file is larger than 16 MB, the most an import takes: split the bundle, or "
            + "use the import command.";

    private final BundleImports imports;
    private final Screens screens;
    private final JsonMapper json;

    ImportController(BundleImports imports, Screens screens, JsonMapper json) {
        this.imports = imports;
        this.screens = screens;
        this.json = json;
    }

    @GetMapping("/console/import")
    ResponseEntity<String> form(HttpServletRequest request) {
        return form(request, 200, null);
    }

    @PostMapping("/console/import")
    ResponseEntity<String> upload(@RequestParam(name = "bundle", required = false) MultipartFile file,
            HttpServletRequest request) {
        BundleFile bundle;
        try {
            if (file == null || file.isEmpty()) {
                return form(request, 400, "choose a bundle file (.json or .json.gz)");
            }
            if (file.getSize() > BundleFile.MAX_BYTES) {
                return form(request, 413, TOO_LARGE);
            }
            bundle = BundleFile.read(file.getBytes(), json);
        } catch (BundleFile.Unreadable e) {
            return form(request, 400, e.getMessage());
        } catch (IOException e) {
            return form(request, 400, "the upload could not be read: " + e.getMessage());
        }
        String name = file.getOriginalFilename() == null ? "bundle" : file.getOriginalFilename();
        String id = imports.upload(CurrentEditor.account().id(), CurrentEditor.token(), name, bundle);
        return ResponseEntity.status(303).header("Location", "/console/import/" + id).build();
    }

    @GetMapping("/console/import/{id}")
    ResponseEntity<String> status(@PathVariable String id, HttpServletRequest request) {
        return imports.find(id, CurrentEditor.account().id(), CurrentEditor.token())
                .map(view -> screens.ok("import-status.jte", "chrome",
                        CurrentEditor.chrome(request, "Import of " + view.fileName(), "import"), "view", view))
                .orElseGet(() -> screens.answer(404, "problem.jte", "chrome", CurrentEditor.chrome(request, "Not found", "import"),
                        "message", "There is no import '" + id + "' of yours: it was replaced by a later upload, or the "
                                + "console restarted. Upload the bundle again."));
    }

    @PostMapping("/console/import/{id}/apply")
    ResponseEntity<String> apply(@PathVariable String id, HttpServletRequest request) {
        if (!imports.apply(id, CurrentEditor.account().id(), CurrentEditor.token())) {
            return screens.answer(409, "problem.jte", "chrome", CurrentEditor.chrome(request, "Not applied", "import"),
                    "message", "This import is not waiting to be applied (it is still being previewed, already applied, "
                            + "or no longer held). Open it again to see where it is.");
        }
        return ResponseEntity.status(303).header("Location", "/console/import/" + id).build();
    }

    ResponseEntity<String> form(HttpServletRequest request, int status, String error) {
        return screens.answer(status, "import.jte", "chrome", CurrentEditor.chrome(request, "Import a bundle", "import"),
                "error", error);
    }
}
