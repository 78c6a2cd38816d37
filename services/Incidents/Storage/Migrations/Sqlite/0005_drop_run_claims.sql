-- Run claims were how two coordinators took turns driving an incident; Orleans' single activation
-- per incident replaced them.
DROP TABLE IF EXISTS run_claims;
