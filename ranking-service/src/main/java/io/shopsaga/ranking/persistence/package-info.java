/** Explicit SQL for the counted orders, the daily counts and the local product copy, and the Redis sorted sets. */
package io.shopsaga.ranking.persistence;
