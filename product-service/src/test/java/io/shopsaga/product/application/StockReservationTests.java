package io.shopsaga.product.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.product.TestProducts;
import io.shopsaga.product.domain.ProductChange;
import io.shopsaga.product.domain.ReservationStatus;
import io.shopsaga.product.domain.StockItem;
import io.shopsaga.product.persistence.ProductRepository;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServiceIntegrationTest
class StockReservationTests {

    @Autowired
    ProductCatalog catalog;

    @Autowired
    StockReservations reservations;

    @Autowired
    ProductRepository products;

    @Test
    void reservesEveryItemOfAnOrder() {
        long a = TestProducts.create(catalog, 10).id();
        long b = TestProducts.create(catalog, 5).id();
        long order = TestIds.next();

        ReserveOutcome outcome = reservations.reserve(order, Map.of(a, 3, b, 5));

        assertThat(outcome).isEqualTo(new ReserveOutcome.Reserved(order));
        assertThat(stock(a)).isEqualTo(7);
        assertThat(stock(b)).isZero();
        assertThat(reservations.reservationOf(order).orElseThrow().status()).isEqualTo(ReservationStatus.RESERVED);
    }

    @Test
    void aShortItemRefusesTheWholeOrderNamingTheProduct() {
        long a = TestProducts.create(catalog, 10).id();
        long b = TestProducts.create(catalog, 2).id();
        long c = TestProducts.create(catalog, 10).id();
        long order = TestIds.next();

        ReserveOutcome outcome = reservations.reserve(order, Map.of(a, 1, b, 3, c, 1));

        assertThat(outcome).isEqualTo(new ReserveOutcome.Rejected(order, "OUT_OF_STOCK", b));
        assertThat(stock(a)).isEqualTo(10);
        assertThat(stock(b)).isEqualTo(2);
        assertThat(stock(c)).isEqualTo(10);
    }

    @Test
    void anUnknownProductRefusesTheWholeOrderWithItsOwnCode() {
        long a = TestProducts.create(catalog, 10).id();
        long unknown = TestIds.next();
        long order = TestIds.next();

        ReserveOutcome outcome = reservations.reserve(order, Map.of(a, 4, unknown, 1));

        assertThat(outcome).isEqualTo(new ReserveOutcome.Rejected(order, "PRODUCT_NOT_FOUND", unknown));
        assertThat(stock(a)).isEqualTo(10);
    }

    @Test
    void theSameOrderReservesOnceAndAnswersTheSameEachTime() {
        long a = TestProducts.create(catalog, 10).id();
        long order = TestIds.next();

        ReserveOutcome first = reservations.reserve(order, Map.of(a, 4));
        ReserveOutcome again = reservations.reserve(order, Map.of(a, 4));

        assertThat(again).isEqualTo(first).isEqualTo(new ReserveOutcome.Reserved(order));
        assertThat(stock(a)).isEqualTo(6);
    }

    @Test
    void aRefusedOrderAnswersTheSameRefusalWhenRepeatedEvenIfStockArrivedMeanwhile() {
        long a = TestProducts.create(catalog, 1).id();
        long order = TestIds.next();
        ReserveOutcome first = reservations.reserve(order, Map.of(a, 2));

        catalog.change(a, new ProductChange(null, null, 10L), null);
        ReserveOutcome again = reservations.reserve(order, Map.of(a, 2));

        assertThat(again).isEqualTo(first).isEqualTo(new ReserveOutcome.Rejected(order, "OUT_OF_STOCK", a));
        assertThat(stock(a)).isEqualTo(10);
    }

    @Test
    void aReleasePutsBackExactlyWhatTheOrderTookOnce() {
        long a = TestProducts.create(catalog, 10).id();
        long b = TestProducts.create(catalog, 10).id();
        long order = TestIds.next();
        reservations.reserve(order, Map.of(a, 3, b, 1));
        reservations.reserve(TestIds.next(), Map.of(a, 2));

        ReleaseOutcome released = reservations.release(order);
        ReleaseOutcome again = reservations.release(order);

        assertThat(released.released()).containsExactly(new StockItem(a, 3), new StockItem(b, 1));
        assertThat(again.released()).isEmpty();
        assertThat(stock(a)).isEqualTo(8);
        assertThat(stock(b)).isEqualTo(10);
        assertThat(reservations.reservationOf(order).orElseThrow().status()).isEqualTo(ReservationStatus.RELEASED);
    }

    @Test
    void aReserveRepeatedAfterItsReleaseTakesNothingAgain() {
        long a = TestProducts.create(catalog, 10).id();
        long order = TestIds.next();
        reservations.reserve(order, Map.of(a, 3));
        reservations.release(order);

        ReserveOutcome late = reservations.reserve(order, Map.of(a, 3));

        assertThat(late).isEqualTo(new ReserveOutcome.Reserved(order));
        assertThat(stock(a)).isEqualTo(10);
    }

    @Test
    void aReleaseBeforeItsReserveLeavesATombstoneSoTheReserveTakesNothing() {
        long a = TestProducts.create(catalog, 10).id();
        long order = TestIds.next();

        ReleaseOutcome early = reservations.release(order);
        ReserveOutcome late = reservations.reserve(order, Map.of(a, 3));
        ReleaseOutcome again = reservations.release(order);

        assertThat(early.released()).isEmpty();
        assertThat(late).isEqualTo(new ReserveOutcome.Rejected(order, "ORDER_CANCELLED", null));
        assertThat(again.released()).isEmpty();
        assertThat(stock(a)).isEqualTo(10);
        assertThat(reservations.reservationOf(order).orElseThrow().status()).isEqualTo(ReservationStatus.CANCELLED);
    }

    @Test
    void releasingARefusedOrderPutsNothingBack() {
        long a = TestProducts.create(catalog, 1).id();
        long order = TestIds.next();
        reservations.reserve(order, Map.of(a, 5));

        assertThat(reservations.release(order).released()).isEmpty();
        assertThat(stock(a)).isEqualTo(1);
    }

    private long stock(long productId) {
        return products.find(productId).orElseThrow().stock();
    }
}
