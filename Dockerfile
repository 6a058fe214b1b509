# Build: Maven on a JDK 17.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY src src
COPY rules rules
RUN mvn -B -ntp -DskipTests package

# Run: a JRE, a non-root user, the rules at /app/rules (a volume or ConfigMap may replace them).
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app addon
WORKDIR /app
COPY --from=build /src/target/addon-configurator.jar /app/addon-configurator.jar
COPY rules /app/rules
# The JVM options the service ships (the benchmarks run with the same file).
COPY deploy/jvm.options /app/jvm.options
# Start-up: the rules compiled for the image's rules folder, and the pass of its scenarios
# remembered (a restart with other rules compiles and gates them once and keeps both), and a Class
# Data Sharing archive of the classes a real start and real requests load, made by a 'smoke' run
# (docs/performance.md gives the figures).
RUN mkdir -m 700 /app/rules-cache /app/data \
 && RULES_CACHE_DIR=/app/rules-cache java -XX:VMOptionsFile=/app/jvm.options -XX:ArchiveClassesAtExit=/app/app.jsa \
      -jar /app/addon-configurator.jar smoke /app/rules \
 && chown -R 10001 /app/rules-cache /app/data
# Quotes: the embedded database in /app/data (a volume keeps it); DATABASE_URL moves them to PostgreSQL.
VOLUME /app/data
ENV PORT=8080 \
    RULES_DIR=/app/rules \
    DATA_DIR=/app/data \
    RULES_CACHE_DIR=/app/rules-cache \
    JAVA_TOOL_OPTIONS="-XX:VMOptionsFile=/app/jvm.options -XX:MaxRAMPercentage=50 -XX:SharedArchiveFile=/app/app.jsa"
USER 10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=2s --start-period=20s --retries=3 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", "/app/addon-configurator.jar", "health"]
ENTRYPOINT ["java", "-jar", "/app/addon-configurator.jar"]
