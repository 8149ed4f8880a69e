package dev.dbops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The step a drift check runs beside the calling thread. */
class SideTaskTest {

    @Test
    void runsTheStepOnANamedDaemonThreadAndReturnsItsResult() {
        SideTask<String> task = SideTask.start("dbops-test-side",
                () -> Thread.currentThread().getName() + " " + Thread.currentThread().isDaemon());

        assertThat(task.join()).isEqualTo("dbops-test-side true");
    }

    @Test
    void throwsTheStepsOwnExceptionUnwrapped() {
        SideTask<String> task = SideTask.start("dbops-test-side", () -> {
            throw new DbopsException(ErrorCode.INSPECTION_FAILED, "the catalog read failed");
        });

        assertThatThrownBy(task::join).isInstanceOf(DbopsException.class).hasMessage("the catalog read failed");
    }

    @Test
    void waitsForTheStepEvenWhenTheCallerIsInterruptedAndKeepsTheInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        SideTask<String> task = SideTask.start("dbops-test-side", () -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
            return "done";
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread caller = Thread.currentThread();
        Thread releaser = new Thread(() -> {
            caller.interrupt();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        releaser.start();

        String result = task.join();

        assertThat(result).isEqualTo("done");
        assertThat(finished).isTrue();
        assertThat(Thread.interrupted()).isTrue();
        releaser.join();
    }
}
