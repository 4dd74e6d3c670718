package io.shopsaga.ranking.persistence;

import io.shopsaga.ranking.application.ProductDetails;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The local copy of product names and prices ({@code product_snapshot}), kept from the orders counted. */
@Repository
public class ProductSnapshotRepository {

    private final JdbcClient jdbc;

    public ProductSnapshotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records what orders said of their products, each unless a later order already did: events of different orders
     * may arrive out of order. One statement, rows locked in ascending product id; a product named twice is recorded
     * as if saved one after the other (the later {@code seenAt} wins, on a tie the one named last). The snapshots come
     * as a derived table that the update refers to (see {@link SalesRepository#addAll}). {@code seen_at} is assigned
     * last, so the two conditions compare with the old value whether the server assigns left to right (MySQL,
     * MariaDB) or all at once (MariaDB's SIMULTANEOUS_ASSIGNMENT).
     */
    public void saveAll(Collection<Snapshot> snapshots) {
        Map<Long, Snapshot> latest = new HashMap<>();
        snapshots.forEach(snapshot -> latest.merge(snapshot.productId(), snapshot,
                (seen, next) -> next.seenAt().isBefore(seen.seenAt()) ? seen : next));
        if (latest.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        int i = 0;
        for (Snapshot snapshot : latest.values()) {
            rows.append(i == 0
                    ? "SELECT :i0 AS id, :n0 AS new_name, :p0 AS new_price, CAST(:s0 AS DATETIME(6)) AS new_seen_at"
                    : " UNION ALL SELECT :i" + i + ", :n" + i + ", :p" + i + ", CAST(:s" + i + " AS DATETIME(6))");
            params.put("i" + i, snapshot.productId());
            params.put("n" + i, snapshot.name());
            params.put("p" + i, snapshot.price());
            params.put("s" + i, Timestamp.from(snapshot.seenAt()));
            i++;
        }
        jdbc.sql("INSERT INTO product_snapshot (product_id, name, price, seen_at) "
                + "SELECT b.id, b.new_name, b.new_price, b.new_seen_at FROM (" + rows + ") AS b ORDER BY b.id "
                + "ON DUPLICATE KEY UPDATE name = IF(b.new_seen_at >= seen_at, b.new_name, name), "
                + "price = IF(b.new_seen_at >= seen_at, b.new_price, price), seen_at = GREATEST(seen_at, b.new_seen_at)")
                .params(params).update();
    }

    /** What an order completed at {@code seenAt} said of a product. */
    public record Snapshot(long productId, String name, long price, Instant seenAt) {
    }

    public Map<Long, ProductDetails> find(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT product_id, name, price FROM product_snapshot WHERE product_id IN (:ids)")
                .param("ids", List.copyOf(productIds))
                .query(rs -> {
                    Map<Long, ProductDetails> found = new TreeMap<>();
                    while (rs.next()) {
                        long id = rs.getLong("product_id");
                        found.put(id, new ProductDetails(id, rs.getString("name"), rs.getLong("price")));
                    }
                    return found;
                });
    }
}
