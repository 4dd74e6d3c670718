package io.shopsaga.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.databind.json.JsonMapper;

/** Whatever goes wrong inside the gateway, the client gets a problem with a code and no internals. */
class ProblemWebExceptionHandlerTests {

    private final ProblemWebExceptionHandler handler = new ProblemWebExceptionHandler(JsonMapper.builder().build());

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new IllegalStateException("secret internals"), 500, "INTERNAL_ERROR"),
                Arguments.of(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer"), 503,
                        "SERVICE_UNAVAILABLE"),
                Arguments.of(new ConnectException("secret internals"), 503, "SERVICE_UNAVAILABLE"),
                Arguments.of(CallNotPermittedException.createCallNotPermittedException(
                        CircuitBreaker.ofDefaults("x")), 503, "SERVICE_UNAVAILABLE"),
                Arguments.of(new DataBufferLimitException("secret internals"), 400, "INVALID_REQUEST"),
                Arguments.of(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE), 400, "INVALID_REQUEST"),
                Arguments.of(new ResponseStatusException(HttpStatus.NOT_FOUND), 404, "NOT_FOUND"),
                Arguments.of(new NotAcceptableStatusException(List.of(MediaType.APPLICATION_JSON)), 406,
                        "NOT_ACCEPTABLE"),
                Arguments.of(new UnsupportedMediaTypeStatusException("text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void rendersAProblemWithACode(Throwable failure, int status, String code) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/somewhere"));
        exchange.getAttributes().put(RequestIds.ATTRIBUTE, "req-1");

        handler.handle(exchange, failure).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(status);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getHeaders().getFirst(RequestIds.HEADER)).isEqualTo("req-1");
        String body = exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5));
        assertThat(body).contains("\"code\":\"" + code + "\"", "\"status\":" + status, "\"detail\":",
                "\"title\":", "\"instance\":\"/somewhere\"").doesNotContain("secret", "Exception");
    }
}
