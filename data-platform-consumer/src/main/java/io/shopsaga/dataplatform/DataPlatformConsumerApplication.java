package io.shopsaga.dataplatform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** data-platform-consumer: sends every completed order to the external data platform, once, without losing one. */
@SpringBootApplication
public class DataPlatformConsumerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DataPlatformConsumerApplication.class, args);
    }
}
