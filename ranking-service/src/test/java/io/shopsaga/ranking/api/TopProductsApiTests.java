package io.shopsaga.ranking.api;

import static io.shopsaga.ranking.ProductServiceStub.catalogName;
import static io.shopsaga.ranking.TestOrders.line;
import static io.shopsaga.ranking.TestOrders.orderedName;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.ranking.ProductServiceStub.Product;
import io.shopsaga.ranking.RankingServiceIntegrationTest;
import io.shopsaga.ranking.TestOrders;
import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.TestIds;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /api/v1/rankings/top-products}: counting over windows of days, the day boundary, ties, limits, bad input. */
class TopProductsApiTests extends RankingServiceIntegrationTest {

    private static final LocalTime NOON = LocalTime.NOON;

    LocalDate today = TestOrders.freshDay();
    long p1 = TestIds.next();
    long p2 = TestIds.next();
    long p3 = TestIds.next();

    @Test
    void countsUnitsSoldOverTheLastDaysIncludingToday() {
        record(today.minusDays(3), NOON, line(p1, 10));
        record(today.minusDays(2), NOON, line(p1, 2), line(p2, 4));
        record(today.minusDays(1), NOON, line(p2, 1), line(p3, 3));
        record(today, NOON, line(p3, 2), line(p1, 1));
        productService.knows(Product.of(p1, 1_100), Product.of(p2, 2_200), Product.of(p3, 3_300));
        clock.set(today, LocalTime.of(18, 0));

        assertThat(ranking(topProducts(1, 5))).containsExactly(
                top(1, p3, 3_300, 2), top(2, p1, 1_100, 1));
        assertThat(ranking(topProducts(2, 5))).containsExactly(
                top(1, p3, 3_300, 5), top(2, p1, 1_100, 1), top(3, p2, 2_200, 1));
        assertThat(ranking(topProducts(3, 5))).containsExactly(
                top(1, p2, 2_200, 5), top(2, p3, 3_300, 5), top(3, p1, 1_100, 3));
        assertThat(ranking(topProducts(4, 5))).containsExactly(
                top(1, p1, 1_100, 13), top(2, p2, 2_200, 5), top(3, p3, 3_300, 5));
        assertThat(ranking(topProducts(30, 5))).containsExactly(
                top(1, p1, 1_100, 13), top(2, p2, 2_200, 5), top(3, p3, 3_300, 5));

        clock.set(today.plusDays(1), LocalTime.of(9, 0));

        assertThat(ranking(topProducts(1, 5))).isEmpty();
        assertThat(ranking(topProducts(2, 5))).containsExactly(top(1, p3, 3_300, 2), top(2, p1, 1_100, 1));
    }

    @Test
    void answersWithTheContractsFieldsAndNothingElse() {
        record(today, NOON, line(p1, 3));
        productService.knows(Product.of(p1, 12_000));
        clock.set(today, NOON);

        HttpApi.Response response = topProducts(1, 5);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("X-Degraded")).isNull();
        assertThat(response.body()).isEqualTo("[{\"rank\":1,\"productId\":" + p1 + ",\"name\":\"" + catalogName(p1)
                + "\",\"price\":12000,\"soldQuantity\":3}]");
    }

    /** Seoul's midnight is 15:00 UTC of the day before: an order counts on its day in Seoul, not in UTC. */
    @Test
    void anOrderCountsOnItsCalendarDayInSeoul() {
        long p4 = TestIds.next();
        LocalDate yesterday = today.minusDays(1);
        record(yesterday, LocalTime.of(23, 59, 59, 999_000_000), line(p1, 1));
        record(today, LocalTime.MIDNIGHT, line(p2, 1));
        record(today, LocalTime.of(23, 59, 59, 999_000_000), line(p3, 1));
        record(today.plusDays(1), LocalTime.MIDNIGHT, line(p4, 1));
        productService.knows(Product.of(p1, 1), Product.of(p2, 2), Product.of(p3, 3), Product.of(p4, 4));

        clock.set(today, LocalTime.of(23, 59, 59, 999_000_000));
        assertThat(ranking(topProducts(1, 5))).containsExactly(top(1, p2, 2, 1), top(2, p3, 3, 1));
        assertThat(ranking(topProducts(2, 5))).containsExactly(top(1, p1, 1, 1), top(2, p2, 2, 1), top(3, p3, 3, 1));

        clock.set(today.plusDays(1), LocalTime.MIDNIGHT);
        assertThat(ranking(topProducts(1, 5))).containsExactly(top(1, p4, 4, 1));
        assertThat(ranking(topProducts(2, 5))).containsExactly(top(1, p2, 2, 1), top(2, p3, 3, 1), top(3, p4, 4, 1));
    }

    /** Ids of different lengths: a tie goes to the numerically smaller id (9 before 10 before 100), not the text order. */
    @Test
    void breaksTiesByAscendingProductIdAndCutsAtTheLimit() {
        record(today, NOON, line(100, 2), line(10, 2), line(9, 2), line(p1, 5));
        record(today, NOON, line(1_000, 2));
        productService.knows(Product.of(p1, 1), Product.of(9, 9), Product.of(10, 10), Product.of(100, 100),
                Product.of(1_000, 1_000));
        clock.set(today, NOON);

        assertThat(ranking(topProducts(1, 3))).containsExactly(top(1, p1, 1, 5), top(2, 9, 9, 2), top(3, 10, 10, 2));
        assertThat(ranking(topProducts(1, 1))).containsExactly(top(1, p1, 1, 5));
        assertThat(ranking(topProducts(1, 100))).containsExactly(top(1, p1, 1, 5), top(2, 9, 9, 2), top(3, 10, 10, 2),
                top(4, 100, 100, 2), top(5, 1_000, 1_000, 2));
        assertThat(productService.requestedIds()).containsExactly(List.of(9L, 10L, p1), List.of(p1),
                List.of(9L, 10L, 100L, 1_000L, p1));
    }

    @Test
    void withoutParametersAnswersTheLastThreeDaysTopFive() {
        long[] p = {p1, p2, p3, TestIds.next(), TestIds.next(), TestIds.next()};
        record(today.minusDays(3), NOON, line(p[5], 100));
        record(today.minusDays(2), NOON, line(p[0], 6), line(p[1], 5), line(p[2], 4));
        record(today, NOON, line(p[3], 3), line(p[4], 2), line(p[5], 1));
        productService.knows(Product.of(p[0], 0), Product.of(p[1], 1), Product.of(p[2], 2), Product.of(p[3], 3),
                Product.of(p[4], 4));
        clock.set(today, NOON);

        assertThat(ranking(api.get("/api/v1/rankings/top-products"))).containsExactly(top(1, p[0], 0, 6),
                top(2, p[1], 1, 5), top(3, p[2], 2, 4), top(4, p[3], 3, 3), top(5, p[4], 4, 2));
    }

    @Test
    void answersAnEmptyListWhenNothingSoldWithoutAskingProductService() {
        clock.set(today, NOON);

        HttpApi.Response response = topProducts(30, 100);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
        assertThat(productService.batchCalls()).isZero();
    }

    @Test
    void showsAProductThatProductServiceNoLongerHasAsTheLastOrderSawIt() {
        record(today, NOON, line(p1, 2), line(p2, TestOrders.orderedName(p2), 7_000, 1));
        productService.knows(Product.of(p1, 1_000));
        clock.set(today, NOON);

        HttpApi.Response response = topProducts(1, 5);

        assertThat(ranking(response)).containsExactly(top(1, p1, 1_000, 2),
                new TopProductResponse(2, p2, orderedName(p2), 7_000, 1));
        assertThat(response.header("X-Degraded")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            days=0             | days
            days=31            | days
            days=-1            | days
            days=abc           | days
            days=1.5           | days
            days=99999999999   | days
            limit=0            | limit
            limit=101          | limit
            limit=x            | limit
            days=3&limit=1000  | limit
            """)
    void refusesBadInputWith400NamingTheField(String query, String field) {
        HttpApi.Response response = api.get("/api/v1/rankings/top-products?" + query);

        assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(response.json().get("detail").asString()).startsWith(field + " ");
    }

    private static TopProductResponse top(int rank, long productId, long price, long soldQuantity) {
        return new TopProductResponse(rank, productId, catalogName(productId), price, soldQuantity);
    }
}
