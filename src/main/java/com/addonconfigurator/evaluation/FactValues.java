package com.addonconfigurator.evaluation;

import com.addonconfigurator.rules.facts.Item;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fact's properties as JSON-friendly values, for explanations: money as text, items by code. */
final class FactValues {
    private FactValues() {}

    static Map<String, Object> of(Object fact) {
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            for (PropertyDescriptor p :
                    Introspector.getBeanInfo(fact.getClass(), Object.class).getPropertyDescriptors()) {
                if (p.getReadMethod() != null) {
                    values.put(p.getName(), plain(p.getReadMethod().invoke(fact)));
                }
            }
        } catch (IntrospectionException | IllegalAccessException | InvocationTargetException e) {
            values.put("error", "cannot read " + fact.getClass().getSimpleName());
        }
        return values;
    }

    private static Object plain(Object value) {
        if (value instanceof BigDecimal money) {
            return money.setScale(Math.max(2, money.scale()), RoundingMode.UNNECESSARY)
                    .toPlainString();
        }
        if (value instanceof Item item) {
            return item.getCode();
        }
        return value;
    }
}
