package dev.stillpoint.newsletter.campaign;

import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Publishes an issue at the time staff scheduled it for (db-scheduler: durable, and run by one instance). */
@Configuration(proxyBeanMethods = false)
class PublishTask {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("newsletter-publish");

    @Bean
    OneTimeTask<Void> newsletterPublishTask(@Lazy Publishing publishing) {
        return Tasks.oneTime(TASK).execute((instance, context) -> publishing.publish(UUID.fromString(instance.getId()), null));
    }

}
