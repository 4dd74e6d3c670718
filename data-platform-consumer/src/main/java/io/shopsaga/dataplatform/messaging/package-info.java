/**
 * data-platform-consumer's integrations: {@code OrderCompleted} in from Kafka (recorded, then acknowledged), the
 * scheduled sender, and the data platform's HTTP client.
 */
package io.shopsaga.dataplatform.messaging;
