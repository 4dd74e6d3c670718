/** Auto-configuration of the shared service defaults and the default properties every service starts from. */
package io.shopsaga.defaults.config;
