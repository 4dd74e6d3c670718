package io.shopsaga.ranking.catalog;

import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** product-service's internal batch read ({@code POST /internal/v1/products/batch}). */
@FeignClient(name = "product-service", url = "${shopsaga.ranking.product-service-url}")
public interface ProductServiceClient {

    @PostMapping("/internal/v1/products/batch")
    BatchResponse batch(@RequestBody BatchRequest request);

    /** {@code {"ids":[...]}}: 1 to 100 ids. */
    record BatchRequest(List<Long> ids) {
    }

    /** {@code {"products":[{"id","name","price"}],"missingIds":[...]}}. */
    record BatchResponse(List<Item> products, List<Long> missingIds) {
    }

    /** A product's name and current price. */
    record Item(long id, String name, long price) {
    }
}
