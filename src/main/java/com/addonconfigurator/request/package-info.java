/**
 * The evaluate request: its shape, and its validation against the active catalog, which collects
 * every problem with its field path. Imports {@code catalog}.
 */
package com.addonconfigurator.request;
