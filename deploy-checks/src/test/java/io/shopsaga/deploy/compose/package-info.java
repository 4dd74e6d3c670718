/**
 * Checks of {@code docker-compose.yml}: the Compose specification's JSON schema, then ShopSaga's own rules
 * (every needed container, health checks, memory limits, start order on health, pinned images, wiring).
 */
package io.shopsaga.deploy.compose;
