# syntax=docker/dockerfile:1
# botaudit in a container (docs/ci.md "Container image"):
#   docker build -t botaudit .
#   docker run --rm -v "$PWD:/src:ro" botaudit scan .
#
# The base is pinned by digest (the multi-platform index of python:3.12-slim-bookworm), so a rebuild gets the
# same Python and Debian until someone moves the pin on purpose. Check or update it with
#   docker buildx imagetools inspect python:3.12-slim-bookworm
ARG PYTHON_IMAGE=python:3.12-slim-bookworm@sha256:a116514e19457bcb7af7efe9c3dd0b9b71e85b317694e7882a1c52aa15a78134

# --- build: botaudit and its dependencies in a virtual environment ------------------------------------------
FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY pyproject.toml README.md ./
COPY requirements/test.lock requirements/test.lock
COPY auditor auditor
COPY rules rules
# A wheel of botaudit, then the wheel and its dependencies at the versions the tests ran with (the lock), from
# binary wheels only: no compiler in this stage either.
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels /build \
    && python -m venv /opt/botaudit \
    && /opt/botaudit/bin/pip install --no-cache-dir --only-binary=:all: -c requirements/test.lock /wheels/*.whl \
    && /opt/botaudit/bin/botaudit --version

# --- runtime: the virtual environment alone, as an unprivileged user -----------------------------------------
FROM ${PYTHON_IMAGE}
LABEL org.opencontainers.image.title="botaudit" \
      org.opencontainers.image.description="Credential-posture auditor for AI agents and bots" \
      org.opencontainers.image.source="https://github.com/botaudit/botaudit" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 botaudit \
    && useradd --system --uid 10001 --gid botaudit --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin botaudit
COPY --from=build /opt/botaudit /opt/botaudit
# No home folder: botaudit's cache (compiled detectors) goes to /tmp, which is writable for every user.
ENV PATH=/opt/botaudit/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    XDG_CACHE_HOME=/tmp/.cache \
    NO_COLOR=1
USER 10001:10001
WORKDIR /src
ENTRYPOINT ["botaudit"]
CMD ["scan", "."]
