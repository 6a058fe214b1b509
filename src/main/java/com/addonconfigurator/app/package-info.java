/**
 * The running service: its configuration from the environment ({@code AppConfig}), the wiring of
 * every part from its dependencies ({@code App}), logging, and the watcher that reloads the rules
 * folder when it changes. Imports the feature packages; only {@code cli} imports it.
 */
package com.addonconfigurator.app;
