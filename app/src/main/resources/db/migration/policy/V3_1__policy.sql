-- Prevention policy editions: the parameters that changed with each national edition, as data.
create schema if not exists policy;

create table policy.editions (
    code                     text primary key,
    name                     text not null,
    summary                  text not null default '',
    revision                 int not null default 1,
    travel_history_days      int not null check (travel_history_days between 1 and 60),
    test_validity_hours      int not null check (test_validity_hours between 1 and 240),
    pool_sizes               int[] not null,
    companion_cell_meters    int not null check (companion_cell_meters between 50 and 5000),
    companion_min_minutes    int not null check (companion_min_minutes between 1 and 1440),
    companion_lookback_days  int not null check (companion_lookback_days between 1 and 60),
    companion_min_hours      int check (companion_min_hours between 1 and 1000),
    updated_by               text not null default 'system',
    updated_at               timestamptz not null default now()
);

-- Measures per origin or exposure: quarantine kind and days, test days (day 1 = arrival or
-- start), home health-monitoring days after it.
create table policy.measures (
    edition_code     text not null references policy.editions (code),
    exposure         text not null,
    quarantine       text not null check (quarantine in ('NONE', 'CENTRAL', 'HOME')),
    quarantine_days  int not null check (quarantine_days between 0 and 60),
    test_days        int[] not null,
    monitoring_days  int not null check (monitoring_days between 0 and 60),
    primary key (edition_code, exposure)
);

-- Which edition is in force from when; the latest entry not after T is the one in force at T.
create table policy.schedule (
    id              bigserial primary key,
    edition_code    text not null references policy.editions (code),
    effective_from  timestamptz not null,
    reason          text not null,
    set_by          text not null,
    set_at          timestamptz not null default now()
);
create index on policy.schedule (effective_from);

insert into policy.editions (code, name, summary, travel_history_days, test_validity_hours, pool_sizes,
        companion_cell_meters, companion_min_minutes, companion_lookback_days, companion_min_hours)
values
    ('ED8-2022SPRING', '第八版防控方案（2022年春季加严）',
     '14天行程；集中隔离14天加居家健康监测7天；卡口查验48小时核酸；5混1或10混1', 14, 48, '{1,5,10}', 800, 10, 14, null),
    ('ED9-2022', '第九版防控方案（2022年6月）',
     '7天行程；密接7天集中隔离加3天居家健康监测；中风险区7天居家隔离；卡口查验72小时核酸；10混1', 7, 72, '{1,10,20}', 800, 10, 14, null);

insert into policy.measures (edition_code, exposure, quarantine, quarantine_days, test_days, monitoring_days) values
    ('ED8-2022SPRING', 'HIGH_RISK_AREA',    'CENTRAL', 14, '{1,4,7,14}', 7),
    ('ED8-2022SPRING', 'MEDIUM_RISK_AREA',  'HOME',    14, '{1,4,7,14}', 0),
    ('ED8-2022SPRING', 'RISK_COUNTY',       'NONE',     0, '{1,7}',      14),
    ('ED8-2022SPRING', 'ELSEWHERE',         'NONE',     0, '{1}',        0),
    ('ED8-2022SPRING', 'CLOSE_CONTACT',     'CENTRAL', 14, '{1,4,7,14}', 7),
    ('ED8-2022SPRING', 'SECONDARY_CONTACT', 'CENTRAL',  7, '{1,4,7}',    0),
    ('ED9-2022',       'HIGH_RISK_AREA',    'CENTRAL',  7, '{1,2,3,5,7}', 0),
    ('ED9-2022',       'MEDIUM_RISK_AREA',  'HOME',     7, '{1,4,7}',    0),
    ('ED9-2022',       'RISK_COUNTY',       'NONE',     0, '{1,3}',      0),
    ('ED9-2022',       'ELSEWHERE',         'NONE',     0, '{}',         0),
    ('ED9-2022',       'CLOSE_CONTACT',     'CENTRAL',  7, '{1,2,3,5,7}', 3),
    ('ED9-2022',       'SECONDARY_CONTACT', 'HOME',     7, '{1,4,7}',    0);

insert into policy.schedule (edition_code, effective_from, reason, set_by) values
    ('ED8-2022SPRING', '2021-05-11T00:00:00+08:00', '国家第八版防控方案发布', 'system'),
    ('ED9-2022',       '2022-06-28T00:00:00+08:00', '国家第九版防控方案发布', 'system');
