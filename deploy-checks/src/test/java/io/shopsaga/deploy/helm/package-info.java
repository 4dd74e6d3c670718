/**
 * Checks of the Helm chart in {@code k8s/shopsaga}: strict lint and rendering with each values file (Helm as a
 * native library, no cluster), every rendered object parsed into fabric8's typed model, unknown fields and
 * API versions refused, and ShopSaga's rules for workloads, secrets and wiring.
 */
package io.shopsaga.deploy.helm;
