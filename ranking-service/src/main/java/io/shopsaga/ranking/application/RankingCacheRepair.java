package io.shopsaga.ranking.application;

import io.shopsaga.ranking.persistence.RankingCache;
import io.shopsaga.ranking.persistence.SalesRepository;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Rebuilds the days whose Redis update failed, once Redis answers again, even when no ranking is read on this
 * instance: other instances read the same sets.
 */
public class RankingCacheRepair {

    private final RankingCache cache;
    private final SalesRepository sales;

    public RankingCacheRepair(RankingCache cache, SalesRepository sales) {
        this.cache = cache;
        this.sales = sales;
    }

    @Scheduled(fixedDelayString = "${shopsaga.ranking.cache.retry-after:1s}")
    public void repair() {
        cache.repairPending(sales::dayTotals);
    }
}
