# One image recipe for the four services and the console: docker build --build-arg SERVICE=catalog-service .
# (docker-compose.yml builds each service with its SERVICE.)

FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${SERVICE}" && \
    mvn -B -q -DskipTests -pl "${SERVICE}" -am package && \
    cp "${SERVICE}/target/${SERVICE}.jar" /app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home /app llmref
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER llmref
# Heap: half the container's memory limit (docker-compose.yml gives 512-640 MB, so 256-320 MB, as ./llmref
# gives 256 MB); the rest is metaspace, code cache, thread stacks and native memory, capped as ./llmref caps them.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
