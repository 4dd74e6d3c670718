package io.shopsaga.order.api;

import io.shopsaga.order.application.OrderPage;
import java.util.List;

/** {@code {"content":[...],"page":0,"size":20,"totalElements":3}}, newest first. */
public record OrderPageResponse(List<OrderResponse> content, int page, int size, long totalElements) {

    static OrderPageResponse of(OrderPage page) {
        return new OrderPageResponse(page.content().stream().map(OrderResponse::of).toList(), page.page(), page.size(),
                page.totalElements());
    }
}
