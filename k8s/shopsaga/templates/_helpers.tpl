{{/*
Shared pieces of the ShopSaga chart. Objects are named after the service (balance-service, ...), as in
docker-compose.yml, so the services' URLs read the same everywhere: one release per namespace.
*/}}

{{/* A service's settings: services.<name> merged over serviceDefaults (the service's keys win). */}}
{{- define "shopsaga.service" -}}
{{- $svc := get .root.Values.services .name -}}
{{- toYaml (merge (deepCopy $svc) (deepCopy .root.Values.serviceDefaults)) -}}
{{- end -}}

{{/* Labels of every object; the argument is (dict "root" $ "name" <component>). */}}
{{- define "shopsaga.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: shopsaga
app.kubernetes.io/version: {{ default .root.Chart.AppVersion .root.Values.image.tag | quote }}
{{ include "shopsaga.selectorLabels" . }}
{{- end -}}

{{/* The labels that select a component's pods. */}}
{{- define "shopsaga.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* A ShopSaga service's image: <registry>/<repository>/<name>:<tag>. */}}
{{- define "shopsaga.image" -}}
{{- $image := .root.Values.image -}}
{{- $registry := ternary "" (printf "%s/" (trimSuffix "/" $image.registry)) (empty $image.registry) -}}
{{- printf "%s%s/%s:%s" $registry $image.repository .name (default .root.Chart.AppVersion $image.tag) -}}
{{- end -}}

{{/* Pod security: never root, the runtime's default seccomp profile; the argument is (dict "user" "group" "fsGroup"). */}}
{{- define "shopsaga.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .user }}
runAsGroup: {{ .group }}
fsGroup: {{ .fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Container security: read-only root filesystem (writes go to emptyDir volumes), no privileges, no capabilities. */}}
{{- define "shopsaga.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* A service's plain settings (its ConfigMap's data); also hashed into the pod template to roll on change. */}}
{{- define "shopsaga.serviceEnv" -}}
{{- $root := .root -}}
{{- $s := .service -}}
{{- $infra := $root.Values.infrastructure -}}
JAVA_OPTS: {{ $s.javaOpts | quote }}
{{- with $s.managementPort }}
MANAGEMENT_SERVER_PORT: {{ . | quote }}
{{- end }}
{{- with $s.database }}
DB_HOST: {{ required "infrastructure.mysql.host is required" $infra.mysql.host | quote }}
DB_PORT: {{ $infra.mysql.port | quote }}
DB_USER: {{ required (printf "services.%s.database.user is required" $.name) .user | quote }}
{{- end }}
{{- if $s.redis }}
REDIS_HOST: {{ required "infrastructure.redis.host is required" $infra.redis.host | quote }}
REDIS_PORT: {{ $infra.redis.port | quote }}
{{- end }}
{{- if $s.kafka }}
KAFKA_BOOTSTRAP_SERVERS: {{ required "infrastructure.kafka.bootstrapServers is required" $infra.kafka.bootstrapServers | quote }}
{{- end }}
{{- if $s.dataPlatform }}
DATA_PLATFORM_URL: {{ required "infrastructure.dataPlatform.url is required" $infra.dataPlatform.url | quote }}
{{- end }}
{{- range $peer := $s.peers }}
{{- $target := get $root.Values.services $peer }}
{{- if not $target }}
{{- fail (printf "services.%s.peers: %s is not a service of this chart" $.name $peer) }}
{{- end }}
{{ printf "%s_URL" ($peer | upper | replace "-" "_") }}: {{ printf "http://%s:%v" $peer $target.port | quote }}
{{- end }}
{{- range $key, $value := $s.env }}
{{ $key }}: {{ $value | quote }}
{{- end }}
{{- end -}}
