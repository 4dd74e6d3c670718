/** Health of the services' caches in Redis, which they can answer without. */
package io.shopsaga.defaults.cache;
