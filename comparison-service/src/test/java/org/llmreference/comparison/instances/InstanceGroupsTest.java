package org.llmreference.comparison.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class InstanceGroupsTest {

    @Test
    void oneInstanceKeepsTheServicesGroupSoItsOffsetsDeadLettersAndTheAuditKeepWorking() {
        assertThat(groupOf(new MockEnvironment())).isEqualTo("comparison-service");
        assertThat(groupOf(new MockEnvironment().withProperty("llmref.instance", "1"))).isEqualTo("comparison-service");
    }

    @Test
    void furtherInstancesReadEverySourceChangeInAGroupOfTheirOwn() {
        assertThat(groupOf(new MockEnvironment().withProperty("llmref.instance", "2"))).isEqualTo("comparison-service-2");
        assertThat(groupOf(new MockEnvironment().withProperty("llmref.instance", " 3 "))).isEqualTo("comparison-service-3");
    }

    @Test
    void anExplicitGroupWins() {
        MockEnvironment environment = new MockEnvironment().withProperty("llmref.instance", "2")
                .withProperty("llmref.comparison.source-group", "elsewhere");
        assertThat(groupOf(environment)).isEqualTo("elsewhere");
    }

    @Test
    void anInstanceNumberThatIsNotAPositiveWholeNumberIsRefusedByName() {
        for (String bad : new String[] {"0", "-1", "two", ""}) {
            assertThatThrownBy(() -> groupOf(new MockEnvironment().withProperty("llmref.instance", bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LLMREF_INSTANCE").hasMessageContaining("'" + bad + "'");
        }
    }

    private static String groupOf(MockEnvironment environment) {
        new InstanceGroups().postProcessEnvironment(environment, null);
        return environment.getProperty("llmref.comparison.source-group");
    }
}
