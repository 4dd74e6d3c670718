package io.shopsaga.coupon.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.coupon.TestCoupons;
import io.shopsaga.coupon.config.CouponProperties;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The local seed: off unless asked for, and then one campaign, only into a database without any. */
@ServiceIntegrationTest
class SeedCampaignTests {

    @Autowired
    CouponService coupons;

    @Autowired
    CouponProperties properties;

    @Autowired
    SeedCampaign seedCampaign;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void isOffByDefault() {
        assertThat(properties.seed()).isFalse();
        assertThat(seedCampaign.seedIfWanted()).isEmpty();
    }

    @Test
    void isSwitchedOnByTheSeedEnvironmentVariable() throws IOException {
        assertThat(bindApplicationYml(Map.of()).seed()).isFalse();
        assertThat(bindApplicationYml(Map.of("SHOPSAGA_SEED", "false")).seed()).isFalse();
        assertThat(bindApplicationYml(Map.of("SHOPSAGA_SEED", "true")).seed()).isTrue();
    }

    @Test
    void seedsOneCampaignIntoADatabaseWithoutAnyAndOnlyOnce() {
        inADatabaseWithoutCampaigns(() -> {
            SeedCampaign seeding = new SeedCampaign(withSeed(true), coupons);

            Optional<CouponView> seeded = seeding.seedIfWanted();

            assertThat(seeded).get().satisfies(view -> {
                assertThat(view.name()).isEqualTo(SeedCampaign.SEED.name());
                assertThat(view.totalQuantity()).isEqualTo(100);
                assertThat(view.remainingQuantity()).isEqualTo(100);
            });
            assertThat(seeding.seedIfWanted()).isEmpty();
            assertThat(campaigns()).isEqualTo(1);
        });
    }

    @Test
    void seedsNothingWhenSwitchedOffEvenIntoADatabaseWithoutCampaigns() {
        inADatabaseWithoutCampaigns(() -> {
            assertThat(new SeedCampaign(withSeed(false), coupons).seedIfWanted()).isEmpty();
            assertThat(campaigns()).isZero();
        });
    }

    @Test
    void seedsNothingWhenACampaignExists() {
        TestCoupons.create(coupons, TestCoupons.amount(1));
        long before = campaigns();

        assertThat(new SeedCampaign(withSeed(true), coupons).seedIfWanted()).isEmpty();
        assertThat(campaigns()).isEqualTo(before);
    }

    /**
     * The context's database is shared with the other test classes, so "no campaign yet" is made inside a
     * transaction that deletes them all and is rolled back afterwards (the seed's own transaction joins it).
     */
    private void inADatabaseWithoutCampaigns(Runnable check) {
        transactions.executeWithoutResult(status -> {
            try {
                jdbc.sql("DELETE FROM issued_coupon").update();
                jdbc.sql("DELETE FROM coupon").update();
                check.run();
            }
            finally {
                status.setRollbackOnly();
            }
        });
    }

    private long campaigns() {
        return jdbc.sql("SELECT COUNT(*) FROM coupon").query(Long.class).single();
    }

    private CouponProperties withSeed(boolean seed) {
        return new CouponProperties(properties.redisPrefix(), seed, properties.reconcileInterval(),
                properties.staleGrantGrace(), properties.rebuildLockTtl(), properties.rebuildSettle(),
                properties.retryAfter());
    }

    /** Binds {@code shopsaga.coupon} from the service's own application.yml with only the given environment. */
    private static CouponProperties bindApplicationYml(Map<String, Object> environment) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new MapPropertySource("environment", environment));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        return Binder.get(env).bind("shopsaga.coupon", CouponProperties.class).get();
    }
}
