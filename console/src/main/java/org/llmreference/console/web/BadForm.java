package org.llmreference.console.web;

/** A form the console itself cannot read (a field it needs is missing or malformed). */
public class BadForm extends RuntimeException {

    public BadForm(String message) {
        super(message);
    }
}
