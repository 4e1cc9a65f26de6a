package fr.achatlas.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Draws items with fixed weights; insertion order is kept so that draws are reproducible for a seed. */
final class WeightedChoice<T> {
    private final List<T> items = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    void add(T item, double weight) {
        if (weight <= 0) return;
        total += weight;
        items.add(item);
        cumulative.add(total);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    T pick(RandomGenerator rnd) {
        double u = rnd.nextDouble() * total;
        int lo = 0, hi = cumulative.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative.get(mid) > u) hi = mid;
            else lo = mid + 1;
        }
        return items.get(lo);
    }

    static <E extends Enum<E>> WeightedChoice<E> of(Map<E, Double> weights) {
        WeightedChoice<E> c = new WeightedChoice<>();
        weights.forEach(c::add);
        return c;
    }

    static <E extends Enum<E>> WeightedChoice<E> parse(Class<E> type, String spec) {
        WeightedChoice<E> c = new WeightedChoice<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split(":");
            c.add(Enum.valueOf(type, kv[0]), Double.parseDouble(kv[1]));
        }
        return c;
    }
}
