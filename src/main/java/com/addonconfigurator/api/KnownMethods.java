package com.addonconfigurator.api;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses, with 405 in the JSON error shape, a request whose method is not one of HTTP's own before
 * the application sees it: the web framework keeps every method name it meets, so made-up names
 * would grow its memory (and the metrics' labels) without bound.
 */
final class KnownMethods extends Handler.Wrapper {
    private final JettyErrors errors;

    KnownMethods(JettyErrors errors) {
        this.errors = errors;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (JettyErrors.KNOWN_METHODS.contains(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        errors.write(request, response, callback, 405);
        return true;
    }
}
