package io.shopsaga.ranking.persistence;

import io.shopsaga.defaults.persistence.SqlRows;
import io.shopsaga.ranking.domain.ProductSales;
import io.shopsaga.ranking.domain.SalesWindow;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The counted orders ({@code processed_order}) and the sold quantities per product and day ({@code daily_product_sales}). */
@Repository
public class SalesRepository {

    private final JdbcClient jdbc;

    public SalesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the orders for counting and answers the ids of those claimed now; the others were counted before.
     *
     * <p>One multi-row INSERT, in ascending order id, tagged with a claim id drawn for this call, whose duplicate keys
     * change nothing ({@code ON DUPLICATE KEY UPDATE order_id = order_id}: unlike INSERT IGNORE it hides no other
     * error); then the rows carrying that claim id are read back by primary key: exactly the orders this call
     * inserted, also when an id is named twice. A concurrent claim of the same order waits for the first to commit or
     * roll back, as a plain INSERT would. The claim id is random: a 1 in 2<sup>64</sup> chance per order claimed
     * before to take a duplicate for a new one, against a sequence that would cost a statement of its own.
     */
    public Set<Long> claimAll(Collection<Claim> claims) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        long claimId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        List<Claim> ascending = claims.stream().sorted(Comparator.comparingLong(Claim::orderId)).toList();
        List<Object> values = new ArrayList<>();
        for (Claim claim : ascending) {
            values.addAll(List.of(claim.orderId(), claim.salesDay(), Timestamp.from(claim.occurredAt()), claimId));
        }
        jdbc.sql("INSERT INTO processed_order (order_id, sales_day, occurred_at, claim_id) VALUES "
                        + SqlRows.repeat("(?, ?, ?, ?)", ascending.size())
                        + " ON DUPLICATE KEY UPDATE order_id = order_id")
                .params(values)
                .update();
        return new HashSet<>(jdbc.sql("SELECT order_id FROM processed_order WHERE claim_id = :claim AND order_id IN (:ids)")
                .param("claim", claimId).param("ids", ascending.stream().map(Claim::orderId).toList())
                .query(Long.class).list());
    }

    /** An order to claim: its id, the day it counts on and when it completed. */
    public record Claim(long orderId, LocalDate salesDay, Instant occurredAt) {
    }

    /**
     * Adds each product's quantity to its count of the day, in one statement that locks the rows in ascending (day,
     * product) order, so batches sharing products queue instead of deadlocking. The quantities come as a derived
     * table (a UNION ALL of one-row selects) that the update refers to: a multi-row VALUES could only be referred to
     * with {@code VALUES()}, which MySQL 8 deprecates, or a row alias, which MariaDB lacks.
     */
    public void addAll(SortedMap<LocalDate, ? extends Map<Long, Long>> quantities) {
        StringBuilder rows = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        int i = 0;
        for (Map.Entry<LocalDate, ? extends Map<Long, Long>> day : quantities.entrySet()) {
            for (Map.Entry<Long, Long> product : day.getValue().entrySet()) {
                rows.append(i == 0 ? "SELECT CAST(:d0 AS DATE) AS sales_day, :p0 AS product_id, :q0 AS quantity"
                        : " UNION ALL SELECT CAST(:d" + i + " AS DATE), :p" + i + ", :q" + i);
                params.put("d" + i, day.getKey());
                params.put("p" + i, product.getKey());
                params.put("q" + i, product.getValue());
                i++;
            }
        }
        if (i == 0) {
            return;
        }
        jdbc.sql("INSERT INTO daily_product_sales (sales_day, product_id, sold_quantity) "
                + "SELECT b.sales_day, b.product_id, b.quantity FROM (" + rows + ") AS b ORDER BY b.sales_day, b.product_id "
                + "ON DUPLICATE KEY UPDATE sold_quantity = sold_quantity + b.quantity")
                .params(params).update();
    }

    /**
     * Deletes the counted orders and the daily counts of the days before {@code firstKept}, a thousand rows per
     * statement so that no statement holds many locks; answers how many rows went from each table.
     */
    public Pruned deleteDaysBefore(LocalDate firstKept) {
        long orders = deleteInChunks("DELETE FROM processed_order WHERE sales_day < :day LIMIT 1000", firstKept);
        long counts = deleteInChunks("DELETE FROM daily_product_sales WHERE sales_day < :day LIMIT 1000", firstKept);
        return new Pruned(orders, counts);
    }

    private long deleteInChunks(String sql, LocalDate firstKept) {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.sql(sql).param("day", firstKept).update();
            total += deleted;
        }
        while (deleted == 1000);
        return total;
    }

    /** Rows deleted by {@link #deleteDaysBefore}. */
    public record Pruned(long countedOrders, long dailyCounts) {
    }

    /** The day's counts of the given products (those with none are absent). */
    public Map<Long, Long> totals(LocalDate salesDay, Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT product_id, sold_quantity FROM daily_product_sales "
                + "WHERE sales_day = :day AND product_id IN (:ids)")
                .param("day", salesDay).param("ids", List.copyOf(productIds))
                .query(rs -> {
                    Map<Long, Long> totals = new TreeMap<>();
                    while (rs.next()) {
                        totals.put(rs.getLong("product_id"), rs.getLong("sold_quantity"));
                    }
                    return totals;
                });
    }

    /** Every count of the day, read in one statement (one consistent snapshot): what a day's sorted set is built from. */
    public Map<Long, Long> dayTotals(LocalDate salesDay) {
        return jdbc.sql("SELECT product_id, sold_quantity FROM daily_product_sales WHERE sales_day = :day")
                .param("day", salesDay)
                .query(rs -> {
                    Map<Long, Long> totals = new TreeMap<>();
                    while (rs.next()) {
                        totals.put(rs.getLong("product_id"), rs.getLong("sold_quantity"));
                    }
                    return totals;
                });
    }

    /** The window's best sellers straight from the counts: what answers while Redis cannot. */
    public List<ProductSales> top(SalesWindow window, int limit) {
        return jdbc.sql("SELECT product_id, SUM(sold_quantity) AS sold FROM daily_product_sales "
                + "WHERE sales_day BETWEEN :first AND :last GROUP BY product_id "
                + "ORDER BY sold DESC, product_id ASC LIMIT :limit")
                .param("first", window.first()).param("last", window.last()).param("limit", limit)
                .query((rs, row) -> new ProductSales(rs.getLong("product_id"), rs.getLong("sold")))
                .list();
    }
}
