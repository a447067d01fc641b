{{- define "mixfleet.labels" -}}
app.kubernetes.io/part-of: mixfleet
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "mixfleet.image" -}}
{{- $img := index .root.Values.image .component -}}
{{ .root.Values.image.registry }}/{{ $img.repository }}:{{ $img.tag | default .root.Chart.AppVersion }}
{{- end -}}

{{/* Environment shared by ingestion and workers: broker, job state database, store, reports bucket, telemetry. */}}
{{- define "mixfleet.commonEnv" -}}
- name: MixFleet__RabbitMq__Uri
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret.name }}
      key: {{ .Values.existingSecret.keys.rabbitmqUri }}
- name: MixFleet__Postgres__ConnectionString
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret.name }}
      key: {{ .Values.existingSecret.keys.postgresConnectionString }}
- name: MixFleet__Storage__Kind
  value: {{ .Values.storage.kind | quote }}
- name: MixFleet__S3__ServiceUrl
  value: {{ .Values.s3.serviceUrl | quote }}
- name: MixFleet__S3__Region
  value: {{ .Values.s3.region | quote }}
- name: MixFleet__S3__ForcePathStyle
  value: {{ .Values.s3.forcePathStyle | quote }}
- name: MixFleet__S3__AccessKey
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret.name }}
      key: {{ .Values.existingSecret.keys.s3AccessKey }}
- name: MixFleet__S3__SecretKey
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret.name }}
      key: {{ .Values.existingSecret.keys.s3SecretKey }}
- name: MixFleet__Reports__Bucket
  value: {{ .Values.reports.bucket | quote }}
{{- with .Values.telemetry.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- end -}}

{{- define "mixfleet.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 1654
runAsGroup: 1654
fsGroup: 1654
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "mixfleet.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}
