/**
 * The HTTP edge (Javalin): {@code HttpApi} holds the server settings and every route; each
 * controller reads the request, calls a service and writes the answer, and does HTTP only. Request
 * bodies, error answers in the contract's JSON shape, admin authentication and request tracking
 * each have a class. May import every feature package except {@code app} and {@code cli}.
 */
package com.addonconfigurator.api;
