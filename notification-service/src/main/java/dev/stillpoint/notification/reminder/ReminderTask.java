package dev.stillpoint.notification.reminder;

import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.stillpoint.notification.delivery.DeliveryQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The db-scheduler task that fires when a step of a chain is due; its instance id is the notification's id. It hands
 * the step to the delivery queue, unless the step was cancelled meanwhile. An instance that dies while running it
 * leaves a dead execution, which another instance picks up once its heartbeat is missed
 * ({@code db-scheduler.heartbeat-interval} × {@code db-scheduler.missed-heartbeats-limit}).
 */
@Configuration(proxyBeanMethods = false)
class ReminderTask {

    static final TaskDescriptor<Void> DESCRIPTOR = TaskDescriptor.of("booking-reminder");

    private static final Logger logger = LoggerFactory.getLogger(ReminderTask.class);

    @Bean
    OneTimeTask<Void> bookingReminderTask(DeliveryQueue queue, TransactionTemplate transactions) {
        return Tasks.oneTime(DESCRIPTOR)
            .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
            .execute((instance, context) -> {
                UUID id = UUID.fromString(instance.getId());
                if (!transactions.execute((status) -> queue.release(id))) {
                    logger.info("Reminder {} is no longer scheduled; nothing to send", id);
                }
            });
    }

}
