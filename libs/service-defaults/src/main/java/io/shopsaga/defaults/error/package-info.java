/** Problem-detail error handling: one advice turns every failure into RFC 9457 JSON with a stable {@code code}. */
package io.shopsaga.defaults.error;
