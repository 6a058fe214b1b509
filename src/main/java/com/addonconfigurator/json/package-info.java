/**
 * The one JSON mapper configuration of the service (strict on input, ISO dates on output), shared
 * by the HTTP edge, the scenarios and the command line. Imports nothing of the service.
 */
package com.addonconfigurator.json;
