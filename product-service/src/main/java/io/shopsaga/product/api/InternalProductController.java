package io.shopsaga.product.api;

import io.shopsaga.product.application.ProductCatalog;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads for other services only ({@code /internal/v1/products}); the gateway routes no {@code /internal/**} path,
 * so clients cannot reach it.
 */
@RestController
public class InternalProductController {

    private final ProductCatalog catalog;

    public InternalProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /** Names and current prices of up to 100 products in one call, and which of the ids do not exist. */
    @PostMapping("/internal/v1/products/batch")
    public BatchResponse batch(@Valid @RequestBody BatchRequest request) {
        return BatchResponse.of(catalog.batch(request.ids()));
    }
}
