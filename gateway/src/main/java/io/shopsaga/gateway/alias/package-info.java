/**
 * The seed endpoints of the original client contract ({@code /chargeBalance}, {@code /getBalance},
 * {@code /products}, {@code /issueCoupon}, {@code /order}, {@code /topProducts}), kept forever as thin
 * rewrites onto the REST endpoints. The gateway validates only what it needs to build the REST call.
 */
package io.shopsaga.gateway.alias;
