package io.shopsaga.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTests {

    @Test
    void everyTopicFollowsTheNamingConventionOnce() {
        assertThat(Topics.ALL).doesNotHaveDuplicates()
                .allSatisfy(topic -> assertThat(topic).matches("[a-z]+\\.[a-z]+\\.v[1-9][0-9]*"));
    }

    @Test
    void deadLettersGoToTheTopicWithADltSuffix() {
        assertThat(Topics.deadLetter(Topics.ORDER_EVENTS)).isEqualTo("order.events.v1.dlt");
    }
}
