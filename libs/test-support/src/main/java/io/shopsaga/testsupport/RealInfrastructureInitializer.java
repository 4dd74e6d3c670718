package io.shopsaga.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Points a test's Spring context at the real infrastructure, with a fresh database of its own.
 *
 * <p>Spring caches the context, so all test classes sharing a configuration share one database;
 * they keep apart by using their own ids (see {@link TestIds}). The database is dropped when the
 * context closes.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infra = TestInfrastructure.get();
        String purpose = context.getEnvironment().getProperty("spring.application.name", "service");
        String database = infra.createDatabase(purpose);
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", infra.jdbcUrl(database),
                "spring.datasource.username", infra.dbUser(),
                "spring.datasource.password", infra.dbPassword(),
                "spring.data.redis.url", infra.redisUrl(),
                "shopsaga.test.database", database));
        if (ClassUtils.isPresent("org.springframework.kafka.core.KafkaTemplate", context.getClassLoader())) {
            properties.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        }
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("shopsagaTestInfrastructure", properties));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                infra.dropDatabase(database);
            }
        });
    }
}
