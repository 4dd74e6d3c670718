package io.shopsaga.dataplatform.config;

import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.messaging.TopicsToCreate;
import java.net.http.HttpClient;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.client.RestClient;

/** data-platform-consumer's wiring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataPlatformProperties.class)
public class DataPlatformConfiguration {

    /**
     * The platform's client: the JDK HttpClient (HTTP/1.1, no redirects followed) with the configured connect and
     * read timeouts, on Boot's builder so calls show up in {@code http.client.requests} and carry the trace.
     */
    @Bean
    RestClient dataPlatformClient(RestClient.Builder builder, DataPlatformProperties properties) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        String baseUrl = properties.url().toString().replaceAll("/+$", ""); // "http://host:8089/" + "/orders" is not "//orders"
        return builder.baseUrl(baseUrl).requestFactory(requests).build();
    }

    /**
     * The topic this service reads and its dead-letter topic, created when missing (an existing topic is left as
     * it is), so the consumer can start before order-service ever ran.
     */
    @Bean
    KafkaAdmin.NewTopics orderEventTopics(DataPlatformProperties properties) {
        return TopicsToCreate.withDeadLetters(properties.topicPartitions(), List.of(Topics.ORDER_EVENTS));
    }
}
