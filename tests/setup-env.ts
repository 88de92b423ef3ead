// Tests never touch the developer's database or reach beyond loopback.
process.env.NODE_ENV ??= "test";
process.env.SESSION_SECRET ??= "test-session-secret-0123456789abcdef";
process.env.SCRAPER_ALLOW_HOSTS ??= "127.0.0.1";
