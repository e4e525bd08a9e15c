package dev.warren.sync;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The internal wire records of every primitive, with their Kryo ids, for the coordinator's sealer.
 */
final class SyncWireTypes {
    private SyncWireTypes() {}

    static Map<Class<?>, Integer> all() {
        Map<Class<?>, Integer> types = new LinkedHashMap<>(MapWire.types());
        types.putAll(BarrierWire.types());
        return types;
    }
}
