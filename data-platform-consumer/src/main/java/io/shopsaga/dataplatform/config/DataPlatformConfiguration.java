package io.shopsaga.dataplatform.config;

import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.messaging.TopicsToCreate;
import java.util.List;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.client.RestClient;

/** data-platform-consumer's wiring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataPlatformProperties.class)
public class DataPlatformConfiguration {

    /**
     * The platform's client: Apache HttpClient 5 (HTTP/1.1 over blocking sockets, no redirects followed, no retries of
     * its own: every attempt counts in the delivery log), with the configured connect and read timeouts and a pool of
     * kept-alive connections as large as a round's concurrent sends, on Boot's builder so calls show up in
     * {@code http.client.requests} and carry the trace. (The JDK's HttpClient hands every call between its selector
     * thread and its executor several times, which cost as much CPU as the rest of a delivery.)
     */
    @Bean(destroyMethod = "close")
    CloseableHttpClient dataPlatformHttpClient(DataPlatformProperties properties) {
        Timeout connectTimeout = Timeout.of(properties.connectTimeout());
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeout)
                        .setSocketTimeout(Timeout.of(properties.readTimeout()))
                        .build())
                .setMaxConnTotal(properties.batchSize())
                .setMaxConnPerRoute(properties.batchSize())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connectTimeout)
                        .setResponseTimeout(Timeout.of(properties.readTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .build();
    }

    @Bean
    RestClient dataPlatformClient(RestClient.Builder builder, CloseableHttpClient dataPlatformHttpClient,
            DataPlatformProperties properties) {
        String baseUrl = properties.url().toString().replaceAll("/+$", ""); // "http://host:8089/" + "/orders" is not "//orders"
        return builder.baseUrl(baseUrl).requestFactory(new HttpComponentsClientHttpRequestFactory(dataPlatformHttpClient))
                .build();
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
