package io.shopsaga.gateway.ratelimit;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Keys coupon issuance buckets by the issuing user, which both issue calls carry in their JSON body
 * ({@code userId}). A body without a valid user (the service will refuse it) is keyed by the client's address
 * instead, so that malformed requests cannot bypass the limit.
 */
public class IssuerKeyResolver implements KeyResolver {

    /** Exchange attribute holding the issuing user's id, set by the filters that read the body. */
    public static final String USER_ID_ATTRIBUTE = IssuerKeyResolver.class.getName() + ".userId";

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        Long userId = exchange.getAttribute(USER_ID_ATTRIBUTE);
        if (userId != null) {
            return Mono.just("user:" + userId);
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return Mono.just(remote == null ? "client:unknown" : "client:" + remote.getAddress().getHostAddress());
    }
}
