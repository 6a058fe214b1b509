package com.addonconfigurator.evaluation;

import com.addonconfigurator.rules.facts.Item;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fact's properties as JSON-friendly values, for explanations: money as text, items by code. */
final class FactValues {
    /**
     * Each fact class's readable properties, looked up once: the JavaBeans introspection behind them
     * searches the class path for BeanInfo classes at every call, which made an explained evaluation
     * several times slower. A ClassValue lets the classes of a replaced ruleset be unloaded.
     */
    private static final ClassValue<Map<String, Method>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> readers = new LinkedHashMap<>();
            try {
                for (PropertyDescriptor p :
                        Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
                    if (p.getReadMethod() != null) {
                        readers.put(p.getName(), p.getReadMethod());
                    }
                }
            } catch (IntrospectionException e) {
                return null;
            }
            return readers;
        }
    };

    private FactValues() {}

    static Map<String, Object> of(Object fact) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Method> readers = PROPERTIES.get(fact.getClass());
        try {
            if (readers == null) {
                throw new IllegalAccessException();
            }
            for (Map.Entry<String, Method> reader : readers.entrySet()) {
                values.put(reader.getKey(), plain(reader.getValue().invoke(fact)));
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            values.clear();
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
