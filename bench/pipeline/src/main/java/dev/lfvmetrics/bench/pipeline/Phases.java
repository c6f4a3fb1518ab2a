package dev.lfvmetrics.bench.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/** Milliseconds since the JVM started (its own record of the start), and the heap's high-water mark. */
final class Phases {

    private static final long JVM_START_MS = ManagementFactory.getRuntimeMXBean().getStartTime();

    private Phases() {
    }

    /** @return milliseconds from JVM start to now */
    static long sinceStart() {
        return System.currentTimeMillis() - JVM_START_MS;
    }

    /** @return the sum of the heap pools' peak usage, in MiB (an upper bound of the live peak) */
    static double peakHeapMib() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1048576.0;
    }

    static String mib(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
