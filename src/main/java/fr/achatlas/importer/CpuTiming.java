package fr.achatlas.importer;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Where an import's CPU went, for the timing lines printed when {@code ACHATLAS_TIMING} is set: the whole process,
 * the calling (writer) thread, the JIT compiler and the collector, since a snapshot taken when the file started.
 */
record CpuTiming(double process, double thread, double jit, double gc) {

    static boolean enabled() {
        return System.getenv("ACHATLAS_TIMING") != null || Boolean.getBoolean("achatlas.timing");
    }

    static CpuTiming now() {
        return new CpuTiming(
                ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime() / 1e9,
                ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9,
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3,
                ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() / 1e3);
    }

    String since() {
        CpuTiming n = now();
        return String.format("CPU since the file started: process %.1f s, writer %.1f s, JIT %.1f s, GC %.1f s",
                n.process - process, n.thread - thread, n.jit - jit, n.gc - gc);
    }
}
