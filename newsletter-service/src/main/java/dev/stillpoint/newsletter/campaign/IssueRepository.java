package dev.stillpoint.newsletter.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IssueRepository {

    private static final String COLUMNS = "id, title, markdown, status, scheduled_for, published_at, completed_at";

    private static final String PUBLISHED = "('SENDING', 'PAUSED', 'SENT', 'SENT_WITH_FAILURES')";

    private final JdbcClient jdbc;

    IssueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(NewsletterIssue issue, Instant now) {
        this.jdbc.sql("insert into newsletter_issue (id, title, markdown, status, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?)")
            .params(issue.id(), issue.title(), issue.markdown(), issue.status().name(), Timestamp.from(now),
                    Timestamp.from(now))
            .update();
    }

    Optional<NewsletterIssue> findById(UUID id) {
        return this.jdbc.sql("select " + COLUMNS + " from newsletter_issue where id = ?").param(id)
            .query(IssueRepository::map).optional();
    }

    /** Issues that went out (or are going out), newest first: the public archive. */
    List<NewsletterIssue> findPublished() {
        return this.jdbc.sql("select " + COLUMNS + " from newsletter_issue where status in " + PUBLISHED
                + " order by published_at desc").query(IssueRepository::map).list();
    }

    Optional<NewsletterIssue> findPublished(UUID id) {
        return this.jdbc.sql("select " + COLUMNS + " from newsletter_issue where id = ? and status in " + PUBLISHED)
            .param(id).query(IssueRepository::map).optional();
    }

    /** Every issue, the latest written first: the staff's list. */
    List<NewsletterIssue> findAll() {
        return this.jdbc.sql("select " + COLUMNS + " from newsletter_issue order by created_at desc")
            .query(IssueRepository::map).list();
    }

    void revise(UUID id, String title, String markdown, Instant now) {
        this.jdbc.sql("update newsletter_issue set title = ?, markdown = ?, updated_at = ? where id = ?")
            .params(title, markdown, Timestamp.from(now), id).update();
    }

    Optional<NewsletterIssue> lockById(UUID id) {
        return this.jdbc.sql("select " + COLUMNS + " from newsletter_issue where id = ? for update").param(id)
            .query(IssueRepository::map).optional();
    }

    void update(UUID id, NewsletterIssue.Status status, Instant scheduledFor, Instant publishedAt, Instant now) {
        this.jdbc.sql("update newsletter_issue set status = ?, scheduled_for = ?, published_at = ?, updated_at = ? "
                + "where id = ?")
            .params(status.name(), timestamp(scheduledFor), timestamp(publishedAt), Timestamp.from(now), id)
            .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return (instant != null) ? Timestamp.from(instant) : null;
    }

    private static Instant instant(Timestamp timestamp) {
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

    private static NewsletterIssue map(ResultSet rs, int row) throws SQLException {
        return new NewsletterIssue(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("markdown"),
                NewsletterIssue.Status.valueOf(rs.getString("status")), instant(rs.getTimestamp("scheduled_for")),
                instant(rs.getTimestamp("published_at")), instant(rs.getTimestamp("completed_at")));
    }

}
