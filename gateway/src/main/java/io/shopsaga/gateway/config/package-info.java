/** The gateway's typed configuration ({@code shopsaga.gateway.*}) and the beans built from it. */
package io.shopsaga.gateway.config;
