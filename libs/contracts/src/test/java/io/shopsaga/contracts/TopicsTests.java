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

    @Test
    void commandsGoToTheirParticipantAndRepliesComeBack() {
        java.time.Instant now = java.time.Instant.now();
        assertThat(Topics.of(new ReleaseStock(java.util.UUID.randomUUID(), 1, now))).isEqualTo(Topics.STOCK_COMMANDS);
        assertThat(Topics.of(new RefundBalanceReply(java.util.UUID.randomUUID(), 1, now, ReplyOutcome.SUCCEEDED, null, 0)))
                .isEqualTo(Topics.BALANCE_REPLIES);
        assertThat(Topics.of(new UseCoupon(java.util.UUID.randomUUID(), 1, now, 2, 3, 4))).isEqualTo(Topics.COUPON_COMMANDS);
    }
}
