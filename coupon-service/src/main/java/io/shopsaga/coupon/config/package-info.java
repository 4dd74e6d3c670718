/** Settings of coupon-service, scheduling, and what runs at start-up (the optional seed campaign). */
package io.shopsaga.coupon.config;
