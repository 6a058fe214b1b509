/**
 * Messages in Italian and English with named {@code {placeholders}} ({@code messages.yaml}, and the
 * API's own error texts), and the language a client asks for. Imports {@code yaml}.
 */
package com.addonconfigurator.messages;
