package org.llmreference.testsupport;

/** The bearer tokens a service under test accepts ({@link InfrastructureExtension} configures them). */
public final class TestTokens {

    public static final String EDITOR = "test-editor-token";
    public static final String OPS = "test-ops-token";
    public static final String UNKNOWN = "not-a-token-anyone-has";

    private TestTokens() {
    }
}
