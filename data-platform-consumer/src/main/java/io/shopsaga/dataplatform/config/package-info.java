/** Wiring of data-platform-consumer: properties, the platform's HTTP client, topics, scheduling. */
package io.shopsaga.dataplatform.config;
