# syntax=docker/dockerfile:1
# MixFleet worker (MassTransit consumers, health endpoints on 8081, ffmpeg for compressed formats). Build from the repository root:
#   docker build -f deploy/docker/worker.Dockerfile -t mixfleet/worker .
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish services/MixFleet.Worker/MixFleet.Worker.csproj -c Release -o /app /p:UseAppHost=false

# The ASP.NET runtime (the worker serves /health/live and /health/ready) plus ffmpeg/ffprobe, which only the worker needs.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS final
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
USER $APP_UID
ENV MixFleet__Worker__HealthPort=8081
EXPOSE 8081
# Liveness: the process answers and no track in flight has stalled (MixFleet__Worker__StallTimeout).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8081 && printf 'GET /health/live HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# Exec form: dotnet is PID 1 and receives SIGTERM: the bus stops fetching and the tracks in flight finish within
# MixFleet__Worker__ShutdownTimeout (see docs/deploy.md, "Graceful scale-in").
ENTRYPOINT ["dotnet", "MixFleet.Worker.dll"]
