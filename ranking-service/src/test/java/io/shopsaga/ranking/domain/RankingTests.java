package io.shopsaga.ranking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsaga.defaults.error.BusinessException;
import io.shopsaga.ranking.domain.CompletedOrder.SoldLine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RankingTests {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void ranksByUnitsSoldThenByAscendingProductId() {
        List<ProductSales> sales = List.of(new ProductSales(10, 4), new ProductSales(9, 4), new ProductSales(100, 7),
                new ProductSales(2, 1));

        assertThat(Ranking.top(sales, 100)).containsExactly(new RankedProduct(1, 100, 7), new RankedProduct(2, 9, 4),
                new RankedProduct(3, 10, 4), new RankedProduct(4, 2, 1));
    }

    @Test
    void cutsAtTheLimitAfterOrdering() {
        List<ProductSales> sales = List.of(new ProductSales(3, 1), new ProductSales(1, 5), new ProductSales(2, 5));

        assertThat(Ranking.top(sales, 2)).containsExactly(new RankedProduct(1, 1, 5), new RankedProduct(2, 2, 5));
        assertThat(Ranking.top(List.of(), 5)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void refusesALimitOutside1To100(int limit) {
        assertThatThrownBy(() -> Ranking.top(List.of(), limit)).isInstanceOfSatisfying(BusinessException.class,
                ex -> assertThat(ex.code()).isEqualTo("INVALID_REQUEST"));
    }

    @Test
    void aWindowIsTheLastDaysIncludingToday() {
        SalesWindow window = SalesWindow.endingOn(LocalDate.of(2031, 3, 1), 3);

        assertThat(window.first()).isEqualTo(LocalDate.of(2031, 2, 27));
        assertThat(window.last()).isEqualTo(LocalDate.of(2031, 3, 1));
        assertThat(window.days()).containsExactly(LocalDate.of(2031, 2, 27), LocalDate.of(2031, 2, 28),
                LocalDate.of(2031, 3, 1));
        assertThat(window.contains(LocalDate.of(2031, 2, 26))).isFalse();
        assertThat(window.contains(LocalDate.of(2031, 3, 2))).isFalse();
        assertThat(SalesWindow.endingOn(LocalDate.of(2031, 3, 1), 1).days()).containsExactly(LocalDate.of(2031, 3, 1));
        assertThat(SalesWindow.endingOn(LocalDate.of(2031, 3, 1), 30).days()).hasSize(30);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3, 31})
    void refusesAWindowOutside1To30Days(int days) {
        assertThatThrownBy(() -> SalesWindow.endingOn(LocalDate.of(2031, 3, 1), days))
                .isInstanceOfSatisfying(BusinessException.class, ex -> {
                    assertThat(ex.code()).isEqualTo("INVALID_REQUEST");
                    assertThat(ex.getMessage()).isEqualTo("days must be between 1 and 30");
                });
    }

    @Test
    void anOrderCountsOnItsCalendarDayInTheZone() {
        Instant lastMomentOfTheTenth = Instant.parse("2031-03-10T14:59:59.999Z");
        Instant midnightOfTheEleventh = Instant.parse("2031-03-10T15:00:00Z");

        assertThat(order(lastMomentOfTheTenth).salesDay(SEOUL)).isEqualTo(LocalDate.of(2031, 3, 10));
        assertThat(order(midnightOfTheEleventh).salesDay(SEOUL)).isEqualTo(LocalDate.of(2031, 3, 11));
        assertThat(order(midnightOfTheEleventh).salesDay(ZoneOffset.UTC)).isEqualTo(LocalDate.of(2031, 3, 10));
    }

    @Test
    void sumsAProductNamedTwiceAndListsProductsByAscendingId() {
        CompletedOrder order = new CompletedOrder(7, Instant.EPOCH, List.of(new SoldLine(30, "c", 300, 2),
                new SoldLine(10, "a", 100, 1), new SoldLine(30, "c", 300, 5)));

        assertThat(order.quantities()).containsExactly(Map.entry(10L, 1L), Map.entry(30L, 7L));
        assertThat(order.productDetails().keySet()).containsExactly(10L, 30L);
        assertThat(order.productDetails().get(30L)).isEqualTo(new SoldLine(30, "c", 300, 2));
    }

    @Test
    void refusesAnOrderThatCannotBeCounted() {
        Instant at = Instant.EPOCH;
        assertThatThrownBy(() -> new CompletedOrder(7, at, List.of(new SoldLine(1, "a", 100, 0))))
                .isInstanceOf(InvalidCompletedOrderException.class).hasMessageContaining("order 7");
        assertThatThrownBy(() -> new CompletedOrder(7, at, List.of(new SoldLine(0, "a", 100, 1))))
                .isInstanceOf(InvalidCompletedOrderException.class);
        assertThatThrownBy(() -> new CompletedOrder(7, at, List.of(new SoldLine(1, null, 100, 1))))
                .isInstanceOf(InvalidCompletedOrderException.class);
        assertThatThrownBy(() -> new CompletedOrder(7, at, List.of(new SoldLine(1, "a", -1, 1))))
                .isInstanceOf(InvalidCompletedOrderException.class);
        assertThatThrownBy(() -> new CompletedOrder(7, null, List.of()))
                .isInstanceOf(InvalidCompletedOrderException.class);
        assertThatThrownBy(() -> new CompletedOrder(0, at, List.of()))
                .isInstanceOf(InvalidCompletedOrderException.class);
    }

    private static CompletedOrder order(Instant at) {
        return new CompletedOrder(1, at, List.of(new SoldLine(1, "a", 100, 1)));
    }
}
