package io.shopsaga.product.api;

import io.shopsaga.product.domain.ProductRules;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code {"ids":[1,2,3]}}: 1 to 100 positive product ids (a repeated id is read once). */
public record BatchRequest(
        @NotEmpty @Size(max = ProductRules.BATCH_MAX) List<@NotNull @Positive Long> ids) {
}
