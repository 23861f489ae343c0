package org.llmreference.console.services;

/** A service did not answer (down, refused the connection, or too slow). */
public class Unreachable extends RuntimeException {

    private final Service service;

    public Unreachable(Service service, Throwable cause) {
        super(service.displayName() + " cannot be reached right now; try again in a moment.", cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
