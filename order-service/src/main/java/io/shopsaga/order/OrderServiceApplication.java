package io.shopsaga.order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** order-service: orders, and the orchestrator of the order saga (stock → coupon → balance). */
@SpringBootApplication
public class OrderServiceApplication {

    public static void main(String[] args) {
        // Feign's default client is the JDK's HttpURLConnection, which keeps only 5 idle connections per host;
        // under load every other price lookup would open (and TIME_WAIT) a new one to product-service.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
        SpringApplication.run(OrderServiceApplication.class, args);
    }
}
