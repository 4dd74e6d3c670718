package io.shopsaga.product.persistence;

import io.shopsaga.defaults.persistence.SqlRows;
import io.shopsaga.product.domain.OrderReservation;
import io.shopsaga.product.domain.ReservationStatus;
import io.shopsaga.product.domain.StockItem;
import io.shopsaga.product.domain.StockItems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per order id plus its items: the record that makes the saga's stock steps idempotent. */
@Repository
public class ReservationRepository {

    private static final String COLUMNS = "order_id, status, failure_code, failed_product_id";

    private final JdbcClient jdbc;

    public ReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the order id with {@code status}; false when the order already has a reservation row.
     *
     * <p>A plain INSERT whose duplicate-key failure is the answer: unlike INSERT IGNORE it hides no other
     * error, and a concurrent insert of the same id waits for the first to commit or roll back. (MySQL
     * keeps the transaction usable after a failed statement.)
     */
    public boolean insertIfAbsent(long orderId, ReservationStatus status) {
        try {
            jdbc.sql("INSERT INTO order_reservation (order_id, status) VALUES (:orderId, :status)")
                    .param("orderId", orderId).param("status", status.name())
                    .update();
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    public Optional<OrderReservation> lock(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM order_reservation WHERE order_id = :orderId FOR UPDATE")
                .param("orderId", orderId).query(ReservationRepository::map).optional();
    }

    public Optional<OrderReservation> find(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM order_reservation WHERE order_id = :orderId")
                .param("orderId", orderId).query(ReservationRepository::map).optional();
    }

    public void markRejected(long orderId, String code, long productId) {
        jdbc.sql("UPDATE order_reservation SET status = :status, failure_code = :code, failed_product_id = :productId "
                + "WHERE order_id = :orderId")
                .param("status", ReservationStatus.REJECTED.name()).param("code", code)
                .param("productId", productId).param("orderId", orderId)
                .update();
    }

    public void updateStatus(long orderId, ReservationStatus status) {
        jdbc.sql("UPDATE order_reservation SET status = :status WHERE order_id = :orderId")
                .param("status", status.name()).param("orderId", orderId).update();
    }

    /** Records what the order took, in one multi-row INSERT. */
    public void insertItems(long orderId, StockItems items) {
        List<Object> values = new ArrayList<>();
        for (StockItem item : items.items()) {
            values.addAll(List.of(orderId, item.productId(), item.quantity()));
        }
        jdbc.sql("INSERT INTO stock_reservation (order_id, product_id, quantity) VALUES "
                        + SqlRows.repeat("(?, ?, ?)", items.items().size()))
                .params(values)
                .update();
    }

    /** What the order took, by ascending product id (the lock order). */
    public List<StockItem> items(long orderId) {
        return jdbc.sql("SELECT product_id, quantity FROM stock_reservation WHERE order_id = :orderId ORDER BY product_id")
                .param("orderId", orderId)
                .query((rs, n) -> new StockItem(rs.getLong("product_id"), rs.getInt("quantity")))
                .list();
    }

    private static OrderReservation map(ResultSet rs, int row) throws SQLException {
        return new OrderReservation(rs.getLong("order_id"), ReservationStatus.valueOf(rs.getString("status")),
                rs.getString("failure_code"), rs.getObject("failed_product_id", Long.class));
    }
}
