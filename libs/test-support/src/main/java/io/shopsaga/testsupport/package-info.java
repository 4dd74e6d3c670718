/** Real infrastructure for tests (MySQL-compatible DB, Redis, Kafka), test ids, an HTTP client and architecture rules. */
package io.shopsaga.testsupport;
