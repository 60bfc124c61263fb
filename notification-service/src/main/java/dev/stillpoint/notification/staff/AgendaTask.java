package dev.stillpoint.notification.staff;

import java.time.LocalDate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.stillpoint.support.practice.PracticeProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every day at {@code stillpoint.staff-alerts.agenda-at}, practice time, the day's agenda is queued: a db-scheduler
 * recurring task, run by one instance, for the day its execution was due (so a late run still sends that day's).
 */
@Configuration(proxyBeanMethods = false)
class AgendaTask {

    @Bean
    RecurringTask<Void> staffDailyAgendaTask(DailyAgenda agenda, StaffAlertProperties properties,
            PracticeProperties practice) {
        return Tasks.recurring("staff-daily-agenda", Schedules.daily(practice.timeZone(), properties.agendaAt()))
            .execute((instance, context) -> agenda.queue(
                    LocalDate.ofInstant(context.getExecution().executionTime, practice.timeZone())));
    }

}
