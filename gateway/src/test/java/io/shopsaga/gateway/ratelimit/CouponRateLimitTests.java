package io.shopsaga.gateway.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.gateway.GatewayTestSupport;
import io.shopsaga.gateway.config.DownstreamService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.MediaType;
import org.springframework.scripting.support.StaticScriptSource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** One user hammering coupon issuance is slowed down with 429 problems; other users are not affected. */
class CouponRateLimitTests extends GatewayTestSupport {

    @BeforeEach
    void couponServiceIssues() {
        downstreams.of(DownstreamService.COUPON).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"issuedCouponId\":55}")));
    }

    @Test
    void aUserOverTheBurstIsRateLimitedWhileAnotherUserIsNot() {
        long hammering = newUserId();

        List<Integer> statuses = new ArrayList<>();
        EntityExchangeResult<byte[]> limited = null;
        for (int i = 0; i < RATE_LIMIT_BURST * 3 && limited == null; i++) {
            EntityExchangeResult<byte[]> result = issueThroughAlias(hammering, 7);
            statuses.add(result.getStatus().value());
            if (result.getStatus().value() == 429) {
                limited = result;
            }
        }

        assertThat(limited).as("statuses %s", statuses).isNotNull();
        assertThat(statuses.subList(0, RATE_LIMIT_BURST)).as("the burst").containsOnly(201);
        assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(limited.getResponseHeaders().getFirst("Retry-After")).isEqualTo("60");
        assertThat(limited.getResponseHeaders().getFirst("X-Request-Id")).isNotBlank();
        assertThat(new String(limited.getResponseBody())).contains("\"code\":\"RATE_LIMITED\"", "\"status\":429");
        assertThat(issueThroughAlias(newUserId(), 7).getStatus().value()).isEqualTo(201);
        // Every call of the hammering user but the limited one, plus the other user's.
        downstreams.of(DownstreamService.COUPON).verify(statuses.size(), anyRequestedFor(anyUrl()));
    }

    @Test
    void theTokenBucketScriptIsTheGatewaysTextHeldInMemory(@Autowired ApplicationContext context) throws Exception {
        RedisScript<?> script = context.getBean(RedisRateLimiter.REDIS_SCRIPT_NAME, RedisScript.class);

        assertThat(script.getScriptAsString()).isEqualTo(
                new ClassPathResource("META-INF/scripts/request_rate_limiter.lua").getContentAsString(UTF_8));
        assertThat(ReflectionTestUtils.getField(script, "scriptSource")).isInstanceOf(StaticScriptSource.class);
    }

    @Test
    void theSeedAliasAndTheRestEndpointShareOneBucketPerUser() {
        long user = newUserId();
        for (int i = 0; i < RATE_LIMIT_BURST; i++) {
            client.post().uri("/api/v1/coupons/" + (i + 1) + "/issue").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"userId\":" + user + "}").exchange()
                    .expectStatus().isCreated();
        }

        client.post().uri("/api/v1/coupons/9/issue").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"userId\":" + user + "}").exchange()
                .expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
        assertThat(issueThroughAlias(user, 9).getStatus().value()).isEqualTo(429);
        downstreams.of(DownstreamService.COUPON).verify(RATE_LIMIT_BURST, anyRequestedFor(anyUrl()));
    }

    @Test
    void rateLimitedRequestsDoNotCountAgainstTheCouponCircuit() {
        long user = newUserId();
        for (int i = 0; i < RATE_LIMIT_BURST + 5; i++) {
            issueThroughAlias(user, 7);
        }

        assertThat(breakers.circuitBreaker("coupon").getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(breakers.circuitBreaker("coupon").getMetrics().getNumberOfBufferedCalls())
                .isLessThanOrEqualTo(RATE_LIMIT_BURST + 1);
    }

    private EntityExchangeResult<byte[]> issueThroughAlias(long user, long coupon) {
        return client.post().uri("/issueCoupon").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"userId\":" + user + ",\"couponId\":" + coupon + "}").exchange()
                .expectBody().returnResult();
    }
}
