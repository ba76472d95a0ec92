# The resumeforge image: the API (`resumeforge serve`, the default command) and the worker
# (`resumeforge worker`), non-root, with Tesseract and the Noto fonts.
#
# Built by deploy/check, which first makes the two inputs this file expects, so the build needs
# no network beyond Debian's apt inside the image:
#   BASE          a Debian bookworm root file system from debootstrap, imported with `podman import`
#   build/wheels  resumeforge and its dependencies as wheels, built on the host with
#                 `pip wheel --constraint constraints.txt .` (the pins the tests ran with)
# By hand: podman build --build-arg BASE=localhost/resumeforge-base:bookworm -t resumeforge .
ARG BASE=localhost/resumeforge-base:bookworm

# What both stages need: Debian's Python, Tesseract (scanned résumés) and the fonts the
# renderer falls back to for Arabic, Hebrew, CJK and emoji.
FROM ${BASE} AS system
ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8
RUN apt-get update -q \
    && apt-get install -y -q --no-install-recommends \
        python3 ca-certificates tini \
        tesseract-ocr tesseract-ocr-eng \
        fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/*

# The virtual environment, installed from the wheels alone (--no-index: nothing is fetched).
FROM system AS install
RUN apt-get update -q \
    && apt-get install -y -q --no-install-recommends python3-venv \
    && rm -rf /var/lib/apt/lists/*
COPY build/wheels/ /wheels/
RUN python3 -m venv /opt/resumeforge \
    && /opt/resumeforge/bin/pip install --no-index --find-links /wheels --no-compile resumeforge \
    && /opt/resumeforge/bin/python -m compileall -q /opt/resumeforge/lib \
    && /opt/resumeforge/bin/pip uninstall -y pip \
    && /opt/resumeforge/bin/resumeforge --help > /dev/null

FROM system
COPY --from=install /opt/resumeforge /opt/resumeforge
RUN groupadd --system --gid 10001 resumeforge \
    && useradd --system --uid 10001 --gid 10001 --create-home --home-dir /home/resumeforge \
        --shell /usr/sbin/nologin resumeforge
USER 10001:10001
WORKDIR /home/resumeforge
# Production unless told otherwise, so unsafe settings stop the container at start-up. The
# worker runs in its own containers (`resumeforge worker`), so the API does not start one.
ENV PATH=/opt/resumeforge/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    RESUMEFORGE_ENV=production \
    RESUMEFORGE_DATA_DIR=/home/resumeforge/data \
    HOST=0.0.0.0 \
    PORT=8000 \
    SERVE_WITH_WORKER=false \
    OCR_ENABLED=true
EXPOSE 8000
# Liveness only (no database, no provider): a load balancer's readiness probe is /health/ready.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python3", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/health/live', timeout=4)"]
# tini as PID 1: passes SIGTERM on for the graceful shutdown and reaps parser and OCR children.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["resumeforge", "serve"]
