"""Test data factories (factory_boy, a dev-only dependency): one module per app."""
