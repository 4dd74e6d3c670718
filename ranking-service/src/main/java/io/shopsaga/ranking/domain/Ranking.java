package io.shopsaga.ranking.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a ranking: most units sold first, ties by ascending product id, so every product has its own rank
 * (1, 2, 3, ... without gaps or shared places) and the same sales always give the same list.
 */
public final class Ranking {

    public static final Comparator<ProductSales> ORDER = Comparator.comparingLong(ProductSales::soldQuantity).reversed()
            .thenComparingLong(ProductSales::productId);

    private Ranking() {
    }

    /** The first {@code limit} (1..100) of {@code sales}, ranked; products that sold nothing are left out. */
    public static List<RankedProduct> top(Collection<ProductSales> sales, int limit) {
        RankingRules.requireValidLimit(limit);
        List<ProductSales> sorted = sales.stream().filter(s -> s.soldQuantity() > 0).sorted(ORDER).limit(limit).toList();
        List<RankedProduct> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            ranked.add(new RankedProduct(i + 1, sorted.get(i).productId(), sorted.get(i).soldQuantity()));
        }
        return List.copyOf(ranked);
    }
}
