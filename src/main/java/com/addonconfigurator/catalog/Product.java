package com.addonconfigurator.catalog;

import com.addonconfigurator.messages.LocalizedText;
import java.math.BigDecimal;

/**
 * Something the catalog sells: a plan, a module, users, or the plan's extension.
 *
 * @param price list price per term, VAT excluded (per user for users); null where the product is
 *              never priced
 */
public record Product(String code, String kind, LocalizedText name, BigDecimal price) {}
