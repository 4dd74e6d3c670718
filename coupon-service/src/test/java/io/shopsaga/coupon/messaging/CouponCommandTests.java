package io.shopsaga.coupon.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.contracts.ReplyOutcome;
import io.shopsaga.contracts.RestoreCoupon;
import io.shopsaga.contracts.RestoreCouponReply;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.Topics;
import io.shopsaga.contracts.UseCoupon;
import io.shopsaga.contracts.UseCouponReply;
import io.shopsaga.coupon.TestCoupons;
import io.shopsaga.coupon.application.CouponService;
import io.shopsaga.coupon.application.IssuanceService;
import io.shopsaga.coupon.domain.IssuedCouponStatus;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import io.shopsaga.testsupport.KafkaProbe;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

/** The saga's coupon commands over the real broker: command in, reply out, a redelivery has one effect. */
@ServiceIntegrationTest
class CouponCommandTests {

    @Autowired
    CouponService coupons;

    @Autowired
    IssuanceService issuance;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    SagaMessageCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    long userId = TestIds.next();
    long orderId = TestIds.next();

    @Test
    void usesTheCouponOnceForADeliveredTwiceCommandAndAnswersBothWithTheDiscount() {
        long issued = issue();
        UseCoupon use = new UseCoupon(UUID.randomUUID(), orderId, Instant.now(), userId, issued, 10_000);

        send(use);
        send(use);

        assertThat(replies(2)).allSatisfy(reply -> assertThat(reply).isInstanceOfSatisfying(UseCouponReply.class, r -> {
            assertThat(r.outcome()).isEqualTo(ReplyOutcome.SUCCEEDED);
            assertThat(r.discountAmount()).isEqualTo(3_000);
        }));
        assertThat(statusOf(issued)).isEqualTo(IssuedCouponStatus.USED);
    }

    @Test
    void refusesAnotherUsersCoupon() {
        long issued = issue();

        send(new UseCoupon(UUID.randomUUID(), orderId, Instant.now(), TestIds.next(), issued, 10_000));

        assertThat(replies(1)).singleElement().isInstanceOfSatisfying(UseCouponReply.class, reply -> {
            assertThat(reply.outcome()).isEqualTo(ReplyOutcome.REJECTED);
            assertThat(reply.code()).isEqualTo("COUPON_UNAVAILABLE");
        });
        assertThat(statusOf(issued)).isEqualTo(IssuedCouponStatus.AVAILABLE);
    }

    @Test
    void restoresTheCouponTheOrderUsed() {
        long issued = issue();
        send(new UseCoupon(UUID.randomUUID(), orderId, Instant.now(), userId, issued, 10_000));

        send(new RestoreCoupon(UUID.randomUUID(), orderId, Instant.now()));

        assertThat(replies(2)).last().isInstanceOfSatisfying(RestoreCouponReply.class,
                reply -> assertThat(reply.outcome()).isEqualTo(ReplyOutcome.SUCCEEDED));
        assertThat(statusOf(issued)).isEqualTo(IssuedCouponStatus.AVAILABLE);
    }

    private long issue() {
        long couponId = TestCoupons.create(coupons, TestCoupons.amount(10)).id();
        return issuance.issue(couponId, userId, null).issuedCouponId();
    }

    private IssuedCouponStatus statusOf(long issuedCouponId) {
        return coupons.couponsOf(userId).stream().filter(c -> c.issuedCouponId() == issuedCouponId).findFirst()
                .orElseThrow().status();
    }

    private void send(SagaMessage command) {
        kafka.send(codec.toRecord(Topics.COUPON_COMMANDS, command)).join();
    }

    private List<SagaMessage> replies(int count) {
        try (KafkaProbe probe = new KafkaProbe(bootstrapServers, Topics.COUPON_REPLIES)) {
            return probe.awaitKey(Long.toString(orderId), count).stream().map(codec::read).toList();
        }
    }
}
