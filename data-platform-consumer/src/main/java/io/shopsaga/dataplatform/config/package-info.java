/** Wiring of data-platform-consumer: properties, the platform's HTTP client, topics. */
package io.shopsaga.dataplatform.config;
