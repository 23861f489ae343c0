package org.llmreference.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class InstanceGroupsTest {

    @Test
    void oneInstanceKeepsTheServicesGroupSoItsOffsetsAndTheAuditKeepWorking() {
        assertThat(groupOf(service())).isEqualTo("comparison-service");
        assertThat(groupOf(service().withProperty("llmref.instance", "1"))).isEqualTo("comparison-service");
    }

    @Test
    void furtherInstancesConsumeInAGroupOfTheirOwn() {
        assertThat(groupOf(service().withProperty("llmref.instance", "2"))).isEqualTo("comparison-service-2");
        assertThat(groupOf(service().withProperty("llmref.instance", " 3 "))).isEqualTo("comparison-service-3");
    }

    @Test
    void anExplicitGroupWins() {
        assertThat(groupOf(service().withProperty("llmref.instance", "2")
                .withProperty("llmref.instance-group", "elsewhere"))).isEqualTo("elsewhere");
    }

    @Test
    void anInstanceNumberThatIsNotAPositiveWholeNumberIsRefusedByName() {
        for (String bad : new String[] {"0", "-1", "two", ""}) {
            assertThatThrownBy(() -> groupOf(service().withProperty("llmref.instance", bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LLMREF_INSTANCE").hasMessageContaining("'" + bad + "'");
        }
    }

    private static MockEnvironment service() {
        return new MockEnvironment().withProperty("spring.application.name", "comparison-service");
    }

    private static String groupOf(MockEnvironment environment) {
        new InstanceGroups().postProcessEnvironment(environment, null);
        return environment.getProperty("llmref.instance-group");
    }
}
