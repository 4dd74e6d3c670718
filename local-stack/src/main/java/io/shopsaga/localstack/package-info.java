/**
 * The small programs {@code bin/stack} runs besides the services: an embedded MariaDB and Redis for machines
 * that have neither, and the database initialisation ({@code infra/mysql/init.sql}) over JDBC.
 */
package io.shopsaga.localstack;
