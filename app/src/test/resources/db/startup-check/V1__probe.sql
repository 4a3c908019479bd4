create table startup_check.probe (x integer);
