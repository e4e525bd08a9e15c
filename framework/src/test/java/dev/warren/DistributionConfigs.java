package dev.warren;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The distribution settings each meter asked its registry for, by meter name: a registry without
 * aggregable percentiles (such as the simple one) drops the buckets, so tests read the request.
 */
public final class DistributionConfigs {
    private final Map<String, DistributionStatisticConfig> byName = new ConcurrentHashMap<>();

    private DistributionConfigs() {}

    public static DistributionConfigs watch(MeterRegistry registry) {
        DistributionConfigs configs = new DistributionConfigs();
        registry.config()
                .meterFilter(
                        new MeterFilter() {
                            @Override
                            public DistributionStatisticConfig configure(
                                    Meter.Id id, DistributionStatisticConfig config) {
                                configs.byName.put(id.getName(), config);
                                return config;
                            }
                        });
        return configs;
    }

    public DistributionStatisticConfig of(String meterName) {
        return byName.get(meterName);
    }
}
