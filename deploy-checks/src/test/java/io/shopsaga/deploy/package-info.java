/**
 * Checks of ShopSaga's deployment files that need neither a Docker engine nor a Kubernetes cluster: what the
 * system consists of ({@link io.shopsaga.deploy.SystemServices}) and how to read the repository's files.
 * Every rule returns the problems it finds, so that a test can feed it a broken document and see it fail.
 */
package io.shopsaga.deploy;
