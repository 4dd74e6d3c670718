/** {@code Idempotency-Key} support: a write runs once per key, and a repeat replays the stored response. */
package io.shopsaga.defaults.idempotency;
