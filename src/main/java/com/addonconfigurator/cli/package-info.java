/**
 * The command line: {@code serve}, {@code check}, {@code test}, {@code diff}, {@code record},
 * {@code smoke}, {@code replay}, {@code configmap}, {@code health}. Each command parses its arguments, calls the
 * same classes the service uses, prints, and returns its exit code. Imports no {@code api} class.
 */
package com.addonconfigurator.cli;
