# syntax=docker/dockerfile:1
# MixFleet worker (generic host, MassTransit consumers, ffmpeg for compressed formats). Build from the repository root:
#   docker build -f deploy/docker/worker.Dockerfile -t mixfleet/worker .
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish services/MixFleet.Worker/MixFleet.Worker.csproj -c Release -o /app /p:UseAppHost=false

# The runtime image (no ASP.NET: the worker serves no HTTP) plus ffmpeg/ffprobe, which only the worker needs.
FROM mcr.microsoft.com/dotnet/runtime:${DOTNET_VERSION} AS final
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
USER $APP_UID
# The worker has no HTTP endpoint (and services/ is not changed by the deployment work), so the container health
# check can only say that the host process is alive; the broker and the store are checked by the worker at start-up
# (options validation) and failures show in its logs and traces.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["bash", "-c", "grep -qa 'MixFleet.Worker.dll' /proc/1/cmdline"]
# Exec form: dotnet is PID 1 and receives SIGTERM: the bus stops fetching and the tracks in flight finish within
# MixFleet__Worker__ShutdownTimeout (see docs/deploy.md, "Graceful scale-in").
ENTRYPOINT ["dotnet", "MixFleet.Worker.dll"]
