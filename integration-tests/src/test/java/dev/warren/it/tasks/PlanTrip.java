package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A task whose record holds JDK values and whose result is a record of its own: no ids anywhere.
 */
@TaskOptions(queue = "it-trips")
public record PlanTrip(
        UUID id,
        Instant departure,
        Duration stay,
        LocalDate booked,
        ZonedDateTime meeting,
        BigDecimal budget,
        Optional<String> note,
        List<String> stops,
        EnumSet<DayOfWeek> days,
        URI link)
        implements Task<PlanTrip.Plan> {

    /** How the plan turned out. */
    public enum Verdict {
        AFFORDABLE,
        TOO_DEAR
    }

    /** The result: an enum, a list, an instant and a map. */
    public record Plan(
            Verdict verdict, List<String> stops, Instant returnAt, Map<String, Integer> nights) {}

    @Override
    public Plan run(TaskContext context) {
        Map<String, Integer> nights = new LinkedHashMap<>();
        for (String stop : stops) {
            nights.put(stop, days.size());
        }
        return new Plan(
                budget.compareTo(new BigDecimal("1000")) <= 0
                        ? Verdict.AFFORDABLE
                        : Verdict.TOO_DEAR,
                stops.subList(0, stops.size()),
                departure.plus(stay),
                nights);
    }
}
