package dev.dbops.diff;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders plan steps topologically over their provides/requires/drops/releases edges; among steps
 * that are free to run, the earlier {@link PlanPhase} and then the earlier-generated step goes first,
 * so the result is deterministic.
 */
final class PlanOrder {

    private PlanOrder() {
    }

    /**
     * Returns the steps in an order that satisfies every dependency.
     *
     * @throws DbopsException when the dependencies form a cycle; the message names its statements
     */
    static List<PlanStep> sort(List<PlanStep> steps) {
        Map<String, List<PlanStep>> providers = index(steps, s -> s.provides);
        Map<String, List<PlanStep>> droppers = index(steps, s -> s.drops);
        Map<PlanStep, Set<PlanStep>> successors = new HashMap<>();
        Map<PlanStep, Integer> inDegree = new HashMap<>();
        for (PlanStep step : steps) {
            successors.put(step, new LinkedHashSet<>());
            inDegree.put(step, 0);
        }
        for (PlanStep step : steps) {
            for (String key : step.requires) {
                providers.getOrDefault(key, List.of()).forEach(p -> edge(p, step, successors, inDegree));
            }
            for (String key : step.releases) {
                droppers.getOrDefault(key, List.of()).forEach(d -> edge(step, d, successors, inDegree));
            }
            for (String key : step.drops) {
                for (PlanStep provider : providers.getOrDefault(key, List.of())) {
                    if (!provider.drops.contains(key)) {
                        edge(step, provider, successors, inDegree);
                    }
                }
            }
        }
        PriorityQueue<PlanStep> ready = new PriorityQueue<>(
                Comparator.comparing((PlanStep s) -> s.phase).thenComparingInt(s -> s.id));
        steps.stream().filter(s -> inDegree.get(s) == 0).forEach(ready::add);
        List<PlanStep> ordered = new ArrayList<>(steps.size());
        while (!ready.isEmpty()) {
            PlanStep next = ready.poll();
            ordered.add(next);
            for (PlanStep successor : successors.get(next)) {
                if (inDegree.merge(successor, -1, Integer::sum) == 0) {
                    ready.add(successor);
                }
            }
        }
        if (ordered.size() < steps.size()) {
            throw cycle(steps, ordered, successors);
        }
        return ordered;
    }

    private static void edge(PlanStep from, PlanStep to, Map<PlanStep, Set<PlanStep>> successors,
            Map<PlanStep, Integer> inDegree) {
        if (from != to && successors.get(from).add(to)) {
            inDegree.merge(to, 1, Integer::sum);
        }
    }

    private static Map<String, List<PlanStep>> index(List<PlanStep> steps,
            java.util.function.Function<PlanStep, Set<String>> keys) {
        Map<String, List<PlanStep>> result = new HashMap<>();
        for (PlanStep step : steps) {
            for (String key : keys.apply(step)) {
                result.computeIfAbsent(key, k -> new ArrayList<>()).add(step);
            }
        }
        return result;
    }

    /** Finds one cycle among the steps that could not be ordered and reports it. */
    private static DbopsException cycle(List<PlanStep> steps, List<PlanStep> ordered,
            Map<PlanStep, Set<PlanStep>> successors) {
        Set<PlanStep> remaining = new LinkedHashSet<>(steps);
        ordered.forEach(remaining::remove);
        List<PlanStep> found = findCycle(remaining, successors);
        StringBuilder message = new StringBuilder("cannot order the migration plan: its statements depend on each"
                + " other in a cycle: ");
        for (PlanStep step : found) {
            message.append('[').append(step).append("] → ");
        }
        message.append('[').append(found.get(0)).append("] — break the cycle by hand (for example create the"
                + " object without the dependency first and add it with ALTER afterwards), or report the two"
                + " schemas to the dbops maintainers");
        return new DbopsException(ErrorCode.INVALID_CONFIGURATION, message.toString());
    }

    private static List<PlanStep> findCycle(Set<PlanStep> remaining, Map<PlanStep, Set<PlanStep>> successors) {
        Map<PlanStep, Integer> state = new HashMap<>();
        for (PlanStep start : remaining) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<PlanStep> path = new ArrayDeque<>();
            Deque<java.util.Iterator<PlanStep>> iterators = new ArrayDeque<>();
            path.push(start);
            iterators.push(successors.get(start).iterator());
            state.put(start, 1);
            while (!path.isEmpty()) {
                java.util.Iterator<PlanStep> it = iterators.peek();
                if (!it.hasNext()) {
                    state.put(path.pop(), 2);
                    iterators.pop();
                    continue;
                }
                PlanStep next = it.next();
                if (!remaining.contains(next)) {
                    continue;
                }
                Integer seen = state.get(next);
                if (seen == null) {
                    state.put(next, 1);
                    path.push(next);
                    iterators.push(successors.get(next).iterator());
                } else if (seen == 1) {
                    List<PlanStep> cycle = new ArrayList<>();
                    for (java.util.Iterator<PlanStep> back = path.descendingIterator(); back.hasNext(); ) {
                        PlanStep step = back.next();
                        if (step == next || !cycle.isEmpty()) {
                            cycle.add(step);
                        }
                    }
                    return cycle;
                }
            }
        }
        return List.copyOf(remaining);
    }
}
