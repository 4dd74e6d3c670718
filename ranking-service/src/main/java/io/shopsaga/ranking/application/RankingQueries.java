package io.shopsaga.ranking.application;

import io.shopsaga.ranking.domain.ProductSales;
import io.shopsaga.ranking.domain.RankedProduct;
import io.shopsaga.ranking.domain.Ranking;
import io.shopsaga.ranking.domain.RankingRules;
import io.shopsaga.ranking.domain.SalesWindow;
import io.shopsaga.ranking.persistence.ProductSnapshotRepository;
import io.shopsaga.ranking.persistence.RankingCache;
import io.shopsaga.ranking.persistence.SalesRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top products of the last days: counts from Redis (MySQL when Redis cannot answer), names and prices from
 * product-service (the local copy when it cannot answer, which the answer says).
 */
public class RankingQueries {

    private final RankingCache cache;
    private final SalesRepository sales;
    private final ProductSnapshotRepository snapshots;
    private final ProductCatalog catalog;
    private final Clock clock;
    private final ZoneId zone;
    private final RecentAnswers<AnswerKey, TopProducts> answers;

    public RankingQueries(RankingCache cache, SalesRepository sales, ProductSnapshotRepository snapshots,
            ProductCatalog catalog, Clock clock, ZoneId zone, Duration answerTtl) {
        this.cache = cache;
        this.sales = sales;
        this.snapshots = snapshots;
        this.catalog = catalog;
        this.clock = clock;
        this.zone = zone;
        this.answers = new RecentAnswers<>(answerTtl, System::nanoTime, top -> !top.fromLocalCopy());
    }

    /**
     * The first {@code limit} (1..100) products by units sold over the last {@code days} (1..30) days, today included;
     * the same question asked again within the answer ttl gets the same answer.
     */
    public TopProducts top(int days, int limit) {
        RankingRules.requireValidLimit(limit);
        LocalDate today = today();
        return answers.get(new AnswerKey(today, days, limit), () -> compute(today, days, limit));
    }

    private TopProducts compute(LocalDate today, int days, int limit) {
        SalesWindow window = SalesWindow.endingOn(today, days);
        List<ProductSales> counts = cache.top(window.days(), limit, sales::dayTotals)
                .orElseGet(() -> sales.top(window, limit));
        List<RankedProduct> ranked = Ranking.top(counts, limit);
        if (ranked.isEmpty()) {
            return new TopProducts(List.of(), false);
        }
        List<Long> ids = ranked.stream().map(RankedProduct::productId).sorted().toList();
        Optional<Map<Long, ProductDetails>> current = catalog.find(ids);
        Map<Long, ProductDetails> found = current.orElse(Map.of());
        // A product product-service no longer has (or cannot tell about now) is shown as the last order saw it.
        Map<Long, ProductDetails> local = found.keySet().containsAll(ids) ? Map.of() : snapshots.find(ids);
        List<TopProduct> top = new ArrayList<>(ranked.size());
        for (RankedProduct product : ranked) {
            ProductDetails details = found.getOrDefault(product.productId(), local.get(product.productId()));
            top.add(new TopProduct(product.rank(), product.productId(), details == null ? null : details.name(),
                    details == null ? 0 : details.price(), product.soldQuantity()));
        }
        return new TopProducts(top, current.isEmpty());
    }

    private record AnswerKey(LocalDate today, int days, int limit) {
    }

    /** Today in the rankings' zone. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
