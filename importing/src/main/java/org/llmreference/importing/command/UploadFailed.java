package org.llmreference.importing.command;

/** A service answered an upload with an error, or could not be reached. */
final class UploadFailed extends Exception {

    UploadFailed(String message) {
        super(message);
    }
}
