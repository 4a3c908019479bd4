#!/usr/bin/env bash
# Regenerates the module diagrams: Spring Modulith's Documenter (ModularityTests) writes PlantUML,
# PlantUML (MIT build, from Maven Central; Graphviz `dot` for the layout) renders them to SVG here.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .mvn/select-jdk.sh
command -v dot >/dev/null || { apt-get update -q && apt-get install -y -q graphviz; }
./mvnw -q -B -pl app test -Dtest=ModularityTests -Dspotless.check.skip=true -Dsurefire.failIfNoSpecifiedTests=false
./mvnw -q -B dependency:get -Dartifact=net.sourceforge.plantuml:plantuml-mit:1.2026.10
cp app/target/spring-modulith-docs/*.puml docs/architecture/
"$JAVA_HOME/bin/java" -Djava.awt.headless=true \
  -jar ~/.m2/repository/net/sourceforge/plantuml/plantuml-mit/1.2026.10/plantuml-mit-1.2026.10.jar \
  -tsvg docs/architecture/*.puml
