"""Campaign Kit's shared core: what the events, appeals and campaigns apps all need."""
