package org.llmreference.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Gives a test class the shared {@link TestInfrastructure}: starts it if needed, publishes its
 * addresses as the system properties {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI} (which
 * every service's configuration reads, so a {@code @SpringBootTest} connects to it with no further
 * setup) together with the {@link TestTokens} as {@code LLMREF_EDITOR_TOKEN} and {@code LLMREF_OPS_TOKEN}), and injects it into test methods and constructors that ask for it.
 */
public final class InfrastructureExtension implements BeforeAllCallback, TestInstancePreConstructCallback, ParameterResolver {

    public static final String KAFKA_PROPERTY = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String MONGO_PROPERTY = "MONGODB_URI";

    /** With {@code @TestInstance(PER_CLASS)} the instance (and its Spring context) comes before {@code beforeAll}. */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        beforeAll(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        System.setProperty(KAFKA_PROPERTY, infrastructure.kafkaBootstrapServers());
        System.setProperty(MONGO_PROPERTY, infrastructure.mongoUri());
        System.setProperty("LLMREF_EDITOR_TOKEN", TestTokens.EDITOR);
        System.setProperty("LLMREF_OPS_TOKEN", TestTokens.OPS);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestInfrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return TestInfrastructure.get();
    }
}
