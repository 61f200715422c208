# Builds the executable jar (without the embedded development database) and runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw --batch-mode --no-transfer-progress dependency:go-offline
COPY src src
RUN ./mvnw --batch-mode --no-transfer-progress package -DskipTests \
    && cp target/recordsdesk-*.jar /workspace/recordsdesk.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 recordsdesk
USER recordsdesk
WORKDIR /app
COPY --from=build /workspace/recordsdesk.jar recordsdesk.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/recordsdesk.jar"]
