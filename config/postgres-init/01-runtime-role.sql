-- Run once by the postgres image when its data volume is first created (docker-entrypoint-initdb.d),
-- as POSTGRES_USER, who owns the donegate database and runs `donegate migrate`.
-- donegate itself connects as this role: `donegate migrate` grants it SELECT and INSERT only on the audit
-- tables, so the running service cannot UPDATE, DELETE, TRUNCATE or ALTER them. Change the password.
CREATE ROLE donegate_runtime LOGIN PASSWORD 'donegate_runtime';
