/** Explicit SQL for the deliveries: record once, claim due rows without blocking other instances, record answers. */
package io.shopsaga.dataplatform.persistence;
