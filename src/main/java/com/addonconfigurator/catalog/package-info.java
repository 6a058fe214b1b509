/**
 * The analysts' catalog ({@code catalog.yaml}): products, prices, VAT rate, term, maximum users,
 * read strictly with every problem at its line and column. Imports {@code messages} (product
 * names in both languages) and {@code yaml}.
 */
package com.addonconfigurator.catalog;
