package fr.achatlas.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class QueryGateTest {

    @Test
    void noMoreQueriesRunAtOnceThanThePermits() throws Exception {
        QueryGate.Gate gate = new QueryGate.Gate(2, 30);
        AtomicInteger running = new AtomicInteger();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<MockHttpServletResponse> responses = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            pool.submit(() -> {
                MockHttpServletResponse response = new MockHttpServletResponse();
                gate.doFilter(new MockHttpServletRequest("GET", "/api/cube"), response, (req, res) -> {
                    seen.add(running.incrementAndGet());
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                });
                responses.add(response);
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(8).allMatch(n -> n <= 2).contains(2);
        assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsOnly(200);
    }

    @Test
    void aQueryWaitingTooLongGetsA503ThatSaysWhy() throws Exception {
        QueryGate.Gate gate = new QueryGate.Gate(1, 0);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                gate.doFilter(new MockHttpServletRequest("GET", "/api/cube"), new MockHttpServletResponse(), (req, res) -> {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("GET", "/api/cube"), refused, (req, res) -> {
            throw new AssertionError("must not run");
        });
        release.countDown();
        holder.join();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
        assertThat(refused.getContentAsString()).contains("réessayez");
        MockHttpServletResponse later = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("GET", "/api/cube"), later, (req, res) -> { });
        assertThat(later.getStatus()).isEqualTo(200);
    }
}
