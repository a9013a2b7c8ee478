"""Production settings with the bare insert views of bench_urls (benchmarks only)."""

from campaign_site.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
