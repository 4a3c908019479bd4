-- Early warning (监测预警), part 1: signal streams. Daily counts per signal and reporting region;
-- a region's series is the sum over its subtree (materialised path), so a count is entered once,
-- at the unit that reports it. A second count for the same signal, region and day replaces the
-- first (never adds).
-- Migrations of this module: V12_1x signals and signal response, V12_2x detection settings,
-- V12_3x sensors, readings and alarms.

create table warning.signals (
    name       text primary key check (name ~ '^[a-z][a-z0-9_]{1,62}$'),
    label      text        not null,
    category   text        not null default 'OTHER'
        check (category in ('PHARMACY', 'CLINIC', 'SCHOOL', 'PLATFORM', 'DISEASE', 'OTHER')),
    created_at timestamptz not null default now()
);

insert into warning.signals (name, label, category) values
    ('pharmacy_fever_drugs', '药店退热类药品购买登记', 'PHARMACY'),
    ('pharmacy_cough_drugs', '药店止咳类药品购买登记', 'PHARMACY'),
    ('pharmacy_antiviral_drugs', '药店抗病毒类药品购买登记', 'PHARMACY'),
    ('pharmacy_antibiotic_drugs', '药店抗生素类药品购买登记', 'PHARMACY'),
    ('fever_clinic_visits', '发热门诊就诊人次', 'CLINIC'),
    ('school_absence', '学校因病缺勤人数', 'SCHOOL'),
    ('new_positives', '新增核酸阳性', 'PLATFORM'),
    ('quarantine_fever', '隔离人员发热报告', 'PLATFORM'),
    ('red_status', '红码人数', 'PLATFORM');

create table warning.counts (
    signal      text        not null references warning.signals (name),
    region_code text        not null,
    path        text collate "C" not null,
    day         date        not null,
    count       integer     not null check (count >= 0),
    source      text        not null check (source in ('API', 'EXCEL', 'FORM', 'COMPUTED', 'DEMO')),
    reported_by text        not null,
    reported_at timestamptz not null,
    primary key (signal, region_code, day)
);
create index counts_subtree on warning.counts (signal, path text_pattern_ops, day);
