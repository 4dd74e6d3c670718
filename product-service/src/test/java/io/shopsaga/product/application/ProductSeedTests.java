package io.shopsaga.product.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.product.TestProducts;
import io.shopsaga.product.persistence.ProductRepository;
import io.shopsaga.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The seed on a database of its own (the shared test database is never empty). */
class ProductSeedTests {

    TestInfrastructure infra;
    String database;
    ProductRepository products;
    ProductSeed seed;

    @BeforeEach
    void freshSchema() {
        infra = TestInfrastructure.get();
        database = infra.createDatabase("productseed");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(infra.jdbcUrl(database), infra.dbUser(),
                infra.dbPassword());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        products = new ProductRepository(JdbcClient.create(dataSource));
        seed = new ProductSeed(true, products,
                new RetryingTransactions(new TransactionTemplate(new DataSourceTransactionManager(dataSource))));
    }

    @AfterEach
    void dropSchema() {
        infra.dropDatabase(database);
    }

    @Test
    void seedsAnEmptyCatalogueOnceWithFixedIds() {
        assertThat(seed.seedIfEmpty()).isEqualTo(ProductSeed.PRODUCTS.size());
        assertThat(seed.seedIfEmpty()).isZero();

        assertThat(products.count()).isEqualTo(ProductSeed.PRODUCTS.size());
        assertThat(products.find(1).orElseThrow().name()).isEqualTo(ProductSeed.PRODUCTS.getFirst().name());
        assertThat(products.insert(TestProducts.product(100, 1))).isEqualTo(ProductSeed.PRODUCTS.size() + 1);
    }

    @Test
    void leavesACatalogueThatHasProductsAlone() {
        products.insert(TestProducts.product(100, 1));

        assertThat(seed.seedIfEmpty()).isZero();
        assertThat(products.count()).isEqualTo(1);
    }
}
