-- newsletter-service's schema; subscribers, issues and the delivery ledger arrive with the newsletter features.
comment on schema newsletter is 'Stillpoint newsletter-service: subscribers, issues, deliveries';
