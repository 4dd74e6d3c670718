/** Servlet filters every service runs first: request id into logs and responses, request body size limit. */
package io.shopsaga.defaults.web;
