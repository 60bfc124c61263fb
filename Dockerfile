# One image per service, built from this repository in two stages:
#   docker build --build-arg SERVICE=booking-service -t stillpoint/booking-service .
# docker-compose.yml builds all three this way.
FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
ARG SERVICE
WORKDIR /src
# the Maven wrapper and the poms first, so that the dependency layer is reused while only the code changes
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY event-contract/pom.xml event-contract/
COPY embedded-infra/pom.xml embedded-infra/
COPY mail-sender/pom.xml mail-sender/
COPY transactional-outbox/pom.xml transactional-outbox/
COPY service-support/pom.xml service-support/
COPY booking-service/pom.xml booking-service/
COPY notification-service/pom.xml notification-service/
COPY newsletter-service/pom.xml newsletter-service/
COPY local-infra/pom.xml local-infra/
COPY system-tests/pom.xml system-tests/
RUN ./mvnw -B -q -pl "$SERVICE" -am -Dmaven.test.skip=true dependency:go-offline || true
COPY . .
RUN ./mvnw -B -q -pl "$SERVICE" -am -Dmaven.test.skip=true package \
    && cp "$SERVICE"/target/"$SERVICE"-*-exec.jar /app.jar

FROM eclipse-temurin:17.0.15_6-jre-noble
# curl for the health check; a user of its own, never root
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app stillpoint
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER stillpoint
ENV SPRING_PROFILES_ACTIVE=docker \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
