# syntax=docker/dockerfile:1
# MixFleet ingestion (ASP.NET Core minimal API). Build from the repository root:
#   docker build -f deploy/docker/ingestion.Dockerfile -t mixfleet/ingestion .
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish services/MixFleet.Ingestion/MixFleet.Ingestion.csproj -c Release -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS final
WORKDIR /app
COPY --from=build /app .
# The image's built-in non-root user (UID 1654); Kubernetes' runAsNonRoot needs the numeric id.
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_gcServer=0
EXPOSE 8080
# No curl in the runtime image: a bash /dev/tcp GET, healthy on "HTTP/1.1 200".
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# Exec form: dotnet is PID 1 and receives SIGTERM itself.
ENTRYPOINT ["dotnet", "MixFleet.Ingestion.dll"]
