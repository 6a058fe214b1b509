/**
 * SHA-256, the one hash of the service. Imports nothing of the service.
 */
package com.addonconfigurator.hashing;
