package dev.lfvmetrics.core.masks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The labels of an evaluation's masks, numbered in the order they are first met; shared by every line. */
final class LabelIndex {

    private final Map<String, Short> indexes = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    synchronized short indexOf(String name) {
        String key = name.trim();
        Short index = indexes.get(key);
        if (index == null) {
            if (names.size() == Short.MAX_VALUE) {
                throw new IllegalArgumentException("more than " + Short.MAX_VALUE + " labels");
            }
            index = (short) names.size();
            indexes.put(key, index);
            names.add(key);
        }
        return index;
    }

    synchronized int size() {
        return names.size();
    }

    synchronized String name(int index) {
        return names.get(index);
    }
}
