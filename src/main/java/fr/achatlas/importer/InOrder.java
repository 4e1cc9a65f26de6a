package fr.achatlas.importer;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The shape both importers share: one thread reads a file in units (chunks of records or lines), a pool maps them on
 * every core, and the calling thread receives the results in reading order (the store's writer is single-threaded
 * and the first copy read must win). At most a few units are in flight, so memory stays flat whatever the file size.
 */
final class InOrder {
    private InOrder() {
    }

    /** The next unit to map, or null at the end (runs on the reading thread). */
    interface Source<U> {
        U next() throws Exception;
    }

    /** Maps one unit (runs on a pool thread). */
    interface Work<U, R> {
        R apply(U unit) throws Exception;
    }

    /** Takes the results one by one in reading order (runs on the calling thread). */
    interface Sink<R> {
        void accept(R result) throws IOException, SQLException;
    }

    /** A source or a mapping failed with a checked exception other than IOException: the cause says which. */
    static final class StageFailure extends IOException {
        StageFailure(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final Future<?> END = CompletableFuture.completedFuture(null);

    static <U, R> void run(String name, int threads, Source<U> source, Work<U, R> work, Sink<R> sink)
            throws IOException, SQLException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name(name + "-", 1).daemon().factory());
        BlockingQueue<Future<?>> inOrder = new ArrayBlockingQueue<>(threads * 3);
        Reading<U, R> reading = new Reading<>(source, work, pool, inOrder);
        Thread reader = Thread.ofPlatform().name(name + "-reader").daemon().start(reading);
        try {
            while (true) {
                Future<?> next = inOrder.poll(1, TimeUnit.SECONDS);
                if (next == null) {
                    if (!reader.isAlive() && inOrder.isEmpty()) break;
                    continue;
                }
                if (next == END) break;
                @SuppressWarnings("unchecked")
                R result = (R) next.get();
                sink.accept(result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Import interrompu", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } finally {
            reading.stopped = true;
            pool.shutdownNow();
        }
        if (reading.failure != null) throw unwrap(reading.failure);
    }

    private static IOException unwrap(Throwable cause) {
        if (cause instanceof IOException io) return io;
        if (cause instanceof RuntimeException || cause instanceof Error) {
            return new IOException("Erreur interne pendant la lecture : " + cause, cause);
        }
        return new StageFailure(cause);
    }

    private static final class Reading<U, R> implements Runnable {
        private final Source<U> source;
        private final Work<U, R> work;
        private final ExecutorService pool;
        private final BlockingQueue<Future<?>> inOrder;
        volatile boolean stopped;
        volatile Throwable failure;

        Reading(Source<U> source, Work<U, R> work, ExecutorService pool, BlockingQueue<Future<?>> inOrder) {
            this.source = source;
            this.work = work;
            this.pool = pool;
            this.inOrder = inOrder;
        }

        @Override
        public void run() {
            try {
                U unit;
                while (!stopped && (unit = source.next()) != null) {
                    U u = unit;
                    put(pool.submit(() -> work.apply(u)));
                }
            } catch (Exception | Error e) {
                failure = e;
            } finally {
                if (!stopped) put(END);
            }
        }

        private void put(Future<?> f) {
            try {
                while (!stopped && !inOrder.offer(f, 200, TimeUnit.MILLISECONDS)) {
                    // the consumer is busy
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // pool shut down while stopping: the consumer is already gone
            }
        }
    }
}
