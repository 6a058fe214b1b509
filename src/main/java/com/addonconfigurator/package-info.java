/**
 * addon-configurator: a configurator for the add-on services of Fatturazione Elettronica, driven
 * by Drools rules that analysts edit in the rules folder. {@link com.addonconfigurator.Main} hands
 * the command line to {@code cli}. Each sub-package holds one feature; none imports a package that
 * imports it back.
 */
package com.addonconfigurator;
