-- Supervision (督查): entities to supervise in zones, inspection groups, versioned checklists,
-- archived random draws, inspections with findings, closures and reopening, interviews, letters.

create table inspection.zones (
    code        text primary key,
    name        text not null,
    region_code text not null,
    townships   text not null
);

-- Groups (督查组) and their subgroups (小组): a subgroup has a parent and covers its own entities.
create table inspection.groups (
    id        bigserial primary key,
    name      text   not null,
    zone_code text   not null references inspection.zones (code),
    parent_id bigint references inspection.groups (id),
    duties    text
);

-- Inspectors are staff accounts (access users) in a group, with their field (专业).
create table inspection.members (
    group_id bigint not null references inspection.groups (id),
    user_id  bigint not null,
    username text   not null,
    name     text   not null,
    field    text   not null,
    primary key (group_id, user_id)
);
create index members_user on inspection.members (user_id);

create table inspection.entities (
    id          bigserial primary key,
    place_id    bigint not null unique,
    name        text   not null,
    category    text   not null check (category in ('PHARMACY', 'SUPERMARKET', 'SHOP', 'MARKET', 'VENUE',
                    'CHECKPOINT', 'COLLECTION_POINT', 'QUARANTINE_SITE')),
    licence     text,
    risk_class  int    not null check (risk_class between 1 and 4),
    zone_code   text   not null references inspection.zones (code),
    subgroup_id bigint references inspection.groups (id),
    path        text collate "C" not null,
    state       text   not null default 'OPEN' check (state in ('OPEN', 'SUSPENDED', 'CLOSED')),
    complaints  int    not null default 0
);
create index entities_zone on inspection.entities (zone_code, category, id);
create index entities_path on inspection.entities (path, id);

-- A declared conflict of interest (relative, former employer...) keeps an inspector away from an entity.
create table inspection.conflicts (
    user_id   bigint not null,
    entity_id bigint not null references inspection.entities (id),
    reason    text   not null,
    primary key (user_id, entity_id)
);

create table inspection.checklists (
    id        bigserial primary key,
    category  text not null,
    version   int  not null,
    title     text not null,
    valid_from date not null,
    unique (category, version)
);

create table inspection.checklist_items (
    id             bigserial primary key,
    checklist_id   bigint not null references inspection.checklists (id),
    position       int    not null,
    text           text   not null,
    severity       text   not null check (severity in ('MINOR', 'MAJOR', 'CRITICAL')),
    legal_basis    text,
    photo_required boolean not null default false
);
create index checklist_items_list on inspection.checklist_items (checklist_id, position);

create table inspection.draws (
    id            bigserial primary key,
    category      text,
    zone_code     text,
    share         numeric(6, 5) not null,
    seed          bigint not null,
    snapshot_hash text   not null,
    candidates    int    not null,
    path          text collate "C" not null,
    drawn_by      text   not null,
    drawn_at      timestamptz not null
);

create table inspection.draw_picks (
    draw_id     bigint not null references inspection.draws (id),
    position    int    not null,
    entity_id   bigint not null,
    inspector_a bigint not null,
    inspector_b bigint not null,
    primary key (draw_id, position)
);
create index draw_picks_inspector on inspection.draw_picks (inspector_a, inspector_b);

create table inspection.inspections (
    id           bigserial primary key,
    entity_id    bigint   not null references inspection.entities (id),
    checklist_id bigint   not null references inspection.checklists (id),
    inspectors   bigint[] not null,
    at           timestamptz not null,
    kind         text     not null default 'PLANNED' check (kind in ('PLANNED', 'UNANNOUNCED', 'COMPLAINT', 'REINSPECTION')),
    passed       boolean  not null,
    location     text,
    recorded_by  text     not null,
    recorded_at  timestamptz not null
);
create index inspections_entity on inspection.inspections (entity_id, at);
create index inspections_recorded on inspection.inspections (recorded_at);

create table inspection.results (
    inspection_id bigint not null references inspection.inspections (id),
    item_id       bigint not null,
    outcome       text   not null check (outcome in ('PASS', 'FAIL', 'NA')),
    note          text,
    primary key (inspection_id, item_id)
);

create table inspection.photos (
    id            bigserial primary key,
    inspection_id bigint not null references inspection.inspections (id),
    item_id       bigint,
    content_type  text   not null,
    size          int    not null,
    content       bytea  not null,
    taken_at      timestamptz,
    location      text
);
create index photos_inspection on inspection.photos (inspection_id);

create table inspection.findings (
    id            bigserial primary key,
    inspection_id bigint not null references inspection.inspections (id),
    entity_id     bigint not null references inspection.entities (id),
    item_id       bigint not null,
    deadline      date   not null,
    reinspect_on  date   not null,
    state         text   not null default 'OPEN' check (state in ('OPEN', 'RECTIFIED')),
    rectified_at  timestamptz,
    repeat        boolean not null default false
);
create index findings_entity on inspection.findings (entity_id, state);

create table inspection.closures (
    id          bigserial primary key,
    entity_id   bigint not null references inspection.entities (id),
    reason      text   not null,
    document    text   not null,
    closed_at   timestamptz not null,
    closed_by   text   not null,
    reopened_at timestamptz,
    reopened_by text
);
create index closures_entity on inspection.closures (entity_id, closed_at);

create table inspection.commitments (
    id           bigserial primary key,
    entity_id    bigint not null references inspection.entities (id),
    closure_id   bigint not null references inspection.closures (id),
    filename     text   not null,
    content_type text   not null,
    size         int    not null,
    content      bytea  not null,
    uploaded_at  timestamptz not null,
    uploaded_by  text   not null
);

create table inspection.interviews (
    id         bigserial primary key,
    entity_id  bigint not null references inspection.entities (id),
    at         timestamptz not null,
    attendees  text   not null,
    agreed     text   not null,
    recorded_by text  not null
);

create table inspection.letters (
    id        bigserial primary key,
    number    text   not null unique,
    entity_id bigint not null references inspection.entities (id),
    issued_at timestamptz not null,
    reply_due date   not null,
    content   text   not null,
    issued_by text   not null
);

-- The first version of each category's checklist.
insert into inspection.checklists (category, version, title, valid_from) values
    ('PHARMACY', 1, '药店疫情防控检查表', date '2022-01-01'),
    ('SUPERMARKET', 1, '商超疫情防控检查表', date '2022-01-01'),
    ('SHOP', 1, '门店疫情防控检查表', date '2022-01-01'),
    ('MARKET', 1, '农贸市场疫情防控检查表', date '2022-01-01'),
    ('VENUE', 1, '公共场所疫情防控检查表', date '2022-01-01'),
    ('CHECKPOINT', 1, '交通卡口疫情防控检查表', date '2022-01-01'),
    ('COLLECTION_POINT', 1, '核酸采样点检查表', date '2022-01-01'),
    ('QUARANTINE_SITE', 1, '集中隔离点检查表', date '2022-01-01');

insert into inspection.checklist_items (checklist_id, position, text, severity, legal_basis, photo_required)
select c.id, i.position, i.text, i.severity, i.legal_basis, i.photo_required
from inspection.checklists c
join (values
    ('PHARMACY', 1, '购买退热、止咳、抗病毒、抗生素类药品人员实名登记', 'CRITICAL', '县疫情防控指挥部关于加强药店“四类药品”管理的通知', true),
    ('PHARMACY', 2, '入口张贴场所码，查验健康码、行程码', 'MAJOR', '《中华人民共和国传染病防治法》第十二条', true),
    ('PHARMACY', 3, '从业人员规范佩戴口罩，按规定频次核酸检测', 'MAJOR', '县疫情防控指挥部防控指引', false),
    ('PHARMACY', 4, '每日消毒并记录消毒台账', 'MINOR', '县疫情防控指挥部防控指引', false),
    ('SUPERMARKET', 1, '入口扫码测温，查验健康码、行程码', 'CRITICAL', '《中华人民共和国传染病防治法》第十二条', true),
    ('SUPERMARKET', 2, '顾客及从业人员规范佩戴口罩', 'MAJOR', '县疫情防控指挥部防控指引', false),
    ('SUPERMARKET', 3, '消毒台账完整，每日不少于两次', 'MINOR', '县疫情防控指挥部防控指引', true),
    ('SUPERMARKET', 4, '进口冷链食品查验“三证一码”', 'CRITICAL', '冷链食品疫情防控工作方案', true),
    ('SUPERMARKET', 5, '设置一米线，控制店内人员密度', 'MINOR', '县疫情防控指挥部防控指引', false),
    ('SHOP', 1, '门口张贴场所码，顾客扫码进店', 'MAJOR', '《中华人民共和国传染病防治法》第十二条', true),
    ('SHOP', 2, '从业人员规范佩戴口罩', 'MAJOR', '县疫情防控指挥部防控指引', false),
    ('SHOP', 3, '消毒台账完整', 'MINOR', '县疫情防控指挥部防控指引', false),
    ('SHOP', 4, '从业人员按规定频次核酸检测', 'MAJOR', '县疫情防控指挥部防控指引', false),
    ('MARKET', 1, '出入口扫码测温，限流', 'CRITICAL', '《中华人民共和国传染病防治法》第十二条', true),
    ('MARKET', 2, '摊主规范佩戴口罩，核酸检测台账', 'MAJOR', '县疫情防控指挥部防控指引', false),
    ('MARKET', 3, '公共区域每日消毒并记录', 'MINOR', '县疫情防控指挥部防控指引', true),
    ('VENUE', 1, '入口扫码测温，查验健康码、行程码', 'CRITICAL', '《中华人民共和国传染病防治法》第十二条', true),
    ('VENUE', 2, '限流不超过最大承载量的75%', 'MAJOR', '县疫情防控指挥部防控指引', false),
    ('VENUE', 3, '通风消毒并记录', 'MINOR', '县疫情防控指挥部防控指引', false),
    ('CHECKPOINT', 1, '来乡返乡人员“落地检”与登记', 'CRITICAL', '县疫情防控指挥部关于交通卡口管理的通知', true),
    ('CHECKPOINT', 2, '24小时值守，人员在岗在位', 'CRITICAL', '县疫情防控指挥部关于交通卡口管理的通知', true),
    ('CHECKPOINT', 3, '查验“四码”并记录台账', 'MAJOR', '县疫情防控指挥部关于交通卡口管理的通知', false),
    ('CHECKPOINT', 4, '值守人员防护用品齐全', 'MINOR', '县疫情防控指挥部防控指引', false),
    ('COLLECTION_POINT', 1, '排队人员保持一米以上间距', 'MAJOR', '全员核酸检测组织实施指南', true),
    ('COLLECTION_POINT', 2, '单向流动，等候区、采样区、缓冲区分区清晰', 'MAJOR', '全员核酸检测组织实施指南', true),
    ('COLLECTION_POINT', 3, '采样人员防护规范，手消毒', 'CRITICAL', '全员核酸检测组织实施指南', false),
    ('COLLECTION_POINT', 4, '医疗废物规范处置', 'MAJOR', '《医疗废物管理条例》', false),
    ('QUARANTINE_SITE', 1, '“三区两通道”设置规范', 'CRITICAL', '集中隔离场所设置指南', true),
    ('QUARANTINE_SITE', 2, '每日两次健康监测并记录', 'MAJOR', '集中隔离场所设置指南', false),
    ('QUARANTINE_SITE', 3, '隔离人员不串门、不外出', 'CRITICAL', '集中隔离场所设置指南', false),
    ('QUARANTINE_SITE', 4, '污水、垃圾消毒处置', 'MAJOR', '集中隔离场所设置指南', false)
) as i (category, position, text, severity, legal_basis, photo_required) on i.category = c.category;
