package io.shopsaga.product.persistence;

import io.shopsaga.product.application.ProductSummary;
import io.shopsaga.product.application.ProductView;
import io.shopsaga.product.domain.NewProduct;
import io.shopsaga.product.domain.ProductChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Products in explicit SQL. Stock changes are single guarded UPDATEs (no read-modify-write), so
 * concurrent reservations of one product serialise on its row lock and none is lost.
 */
@Repository
public class ProductRepository {

    private static final String COLUMNS = "id, name, price, stock";

    private final JdbcClient jdbc;

    public ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProductView> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE id = :id")
                .param("id", id).query(ProductRepository::view).optional();
    }

    public List<ProductView> page(int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product ORDER BY id LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) page * size)
                .query(ProductRepository::view).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM product").query(Long.class).single();
    }

    /** Names and prices of those of {@code ids} that exist, by ascending id, in one query. */
    public List<ProductSummary> summaries(Collection<Long> ids) {
        return jdbc.sql("SELECT id, name, price FROM product WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query((rs, n) -> new ProductSummary(rs.getLong("id"), rs.getString("name"), rs.getLong("price")))
                .list();
    }

    public long insert(NewProduct product) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO product (name, price, stock) VALUES (:name, :price, :stock)")
                .param("name", product.name()).param("price", product.price()).param("stock", product.stock())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Inserts with a fixed id, so seed products have the same ids on every machine. */
    public void insertWithId(long id, NewProduct product) {
        jdbc.sql("INSERT INTO product (id, name, price, stock) VALUES (:id, :name, :price, :stock)")
                .param("id", id).param("name", product.name()).param("price", product.price())
                .param("stock", product.stock())
                .update();
    }

    /** Sets the fields the change gives and keeps the others (an absent product is left to the caller to find out). */
    public void apply(long id, ProductChange change) {
        jdbc.sql("UPDATE product SET name = COALESCE(:name, name), price = COALESCE(:price, price), "
                + "stock = COALESCE(:stock, stock) WHERE id = :id")
                .param("name", change.name()).param("price", change.price()).param("stock", change.stock())
                .param("id", id)
                .update();
    }

    /** Takes {@code quantity} if the stock covers it; false when it does not or the product does not exist. */
    public boolean takeStock(long id, int quantity) {
        return jdbc.sql("UPDATE product SET stock = stock - :quantity WHERE id = :id AND stock >= :quantity")
                .param("quantity", quantity).param("id", id)
                .update() == 1;
    }

    /** Gives {@code quantity} back: a release returns what its order took, whatever the stock is now. */
    public void putBackStock(long id, int quantity) {
        jdbc.sql("UPDATE product SET stock = stock + :quantity WHERE id = :id")
                .param("quantity", quantity).param("id", id)
                .update();
    }

    public boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM product WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    private static ProductView view(ResultSet rs, int row) throws SQLException {
        return new ProductView(rs.getLong("id"), rs.getString("name"), rs.getLong("price"), rs.getLong("stock"));
    }
}
