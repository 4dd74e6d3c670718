package io.shopsaga.ranking.persistence;

import io.shopsaga.ranking.application.ProductDetails;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
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
     * Records what an order completed at {@code seenAt} said of the product, unless a later order already did: events
     * of different orders may arrive out of order. {@code seen_at} is assigned last, so the two conditions compare
     * with the old value whether the server assigns left to right (MySQL, MariaDB) or all at once (MariaDB's
     * SIMULTANEOUS_ASSIGNMENT).
     */
    public void save(long productId, String name, long price, Instant seenAt) {
        jdbc.sql("INSERT INTO product_snapshot (product_id, name, price, seen_at) VALUES (:id, :name, :price, :seenAt) "
                + "ON DUPLICATE KEY UPDATE name = IF(:seenAt >= seen_at, :name, name), "
                + "price = IF(:seenAt >= seen_at, :price, price), seen_at = GREATEST(seen_at, :seenAt)")
                .param("id", productId).param("name", name).param("price", price).param("seenAt", Timestamp.from(seenAt))
                .update();
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
