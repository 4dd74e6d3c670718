package io.shopsaga.ranking.persistence;

import io.shopsaga.ranking.domain.ProductSales;
import io.shopsaga.ranking.domain.SalesWindow;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
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
     * Claims the order for counting; false when it was counted before.
     *
     * <p>A plain INSERT whose duplicate-key failure is the answer: unlike INSERT IGNORE it hides no other error, and a
     * concurrent delivery of the same order waits for the first to commit or roll back. (MySQL keeps the transaction
     * usable after a failed statement.)
     */
    public boolean claim(long orderId, LocalDate salesDay, Instant occurredAt) {
        try {
            jdbc.sql("INSERT INTO processed_order (order_id, sales_day, occurred_at) VALUES (:orderId, :day, :occurredAt)")
                    .param("orderId", orderId).param("day", salesDay).param("occurredAt", Timestamp.from(occurredAt))
                    .update();
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    /**
     * Adds {@code quantity} to the product's count of the day. The parameter is bound twice rather than read back
     * with {@code VALUES()}, which MySQL 8 deprecates, or a row alias, which MariaDB lacks.
     */
    public void add(LocalDate salesDay, long productId, long quantity) {
        jdbc.sql("INSERT INTO daily_product_sales (sales_day, product_id, sold_quantity) VALUES (:day, :productId, :quantity) "
                + "ON DUPLICATE KEY UPDATE sold_quantity = sold_quantity + :quantity")
                .param("day", salesDay).param("productId", productId).param("quantity", quantity)
                .update();
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
