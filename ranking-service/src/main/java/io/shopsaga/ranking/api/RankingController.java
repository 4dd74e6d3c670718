package io.shopsaga.ranking.api;

import io.shopsaga.ranking.application.RankingQueries;
import io.shopsaga.ranking.application.TopProducts;
import io.shopsaga.ranking.domain.RankingRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The best sellers of the last days ({@code /api/v1/rankings}).
 *
 * <p>When product-service cannot be asked, the list is still the ranking, with names and prices as the latest counted
 * orders carried them; the response then has the header {@value #DEGRADED_HEADER}{@code : }{@value #LOCAL_COPY}, so
 * the body keeps the contract's shape.
 */
@RestController
@RequestMapping("/api/v1/rankings")
public class RankingController {

    public static final String DEGRADED_HEADER = "X-Degraded";
    public static final String LOCAL_COPY = "product-details-from-local-copy";

    private final RankingQueries rankings;

    public RankingController(RankingQueries rankings) {
        this.rankings = rankings;
    }

    @GetMapping("/top-products")
    public ResponseEntity<List<TopProductResponse>> topProducts(
            @RequestParam(defaultValue = "" + RankingRules.DEFAULT_DAYS) @Min(1) @Max(RankingRules.DAYS_MAX) int days,
            @RequestParam(defaultValue = "" + RankingRules.DEFAULT_LIMIT) @Min(1) @Max(RankingRules.LIMIT_MAX) int limit) {
        TopProducts top = rankings.top(days, limit);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (top.fromLocalCopy()) {
            response.header(DEGRADED_HEADER, LOCAL_COPY);
        }
        return response.body(top.products().stream().map(TopProductResponse::of).toList());
    }
}
