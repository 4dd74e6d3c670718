package io.shopsaga.product.api;

import io.shopsaga.product.application.ProductCatalog;
import io.shopsaga.product.application.ProductView;
import io.shopsaga.product.domain.ProductRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The product part of the public contract ({@code /api/v1/products}): list, detail, and the operator's writes. */
@RestController
@RequestMapping("/api/v1/products")
public class ProductController {

    private final ProductCatalog catalog;

    public ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    public ProductPageResponse list(
            @RequestParam(defaultValue = "0") @Min(0) @Max(ProductRules.PAGE_MAX) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(ProductRules.PAGE_SIZE_MAX) int size) {
        return ProductPageResponse.of(catalog.page(page, size));
    }

    @GetMapping("/{productId}")
    public ProductResponse product(@PathVariable @Positive long productId) {
        return ProductResponse.of(catalog.product(productId));
    }

    /** Operator endpoint: adds a product. */
    @PostMapping
    public ResponseEntity<ProductResponse> create(@Valid @RequestBody CreateProductRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ProductView created = catalog.create(request.toNewProduct(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id())).body(ProductResponse.of(created));
    }

    /** Operator endpoint: changes any subset of name, price and stock. */
    @PatchMapping("/{productId}")
    public ProductResponse change(@PathVariable @Positive long productId, @Valid @RequestBody ChangeProductRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return ProductResponse.of(catalog.change(productId, request.toChange(), idempotencyKey));
    }
}
