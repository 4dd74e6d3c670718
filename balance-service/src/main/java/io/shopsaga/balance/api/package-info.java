/** HTTP API of balance-service: thin controllers and validated request/response records. */
package io.shopsaga.balance.api;
