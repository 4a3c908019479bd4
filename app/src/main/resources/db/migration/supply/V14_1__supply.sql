-- Supplies (物资保障): catalogue, warehouses, lots, an append-only stock ledger with balances kept
-- in step in the same transaction, stock levels, suppliers and requisitions.

create table supply.categories (
    id bigserial primary key,
    code text not null unique,
    name text not null
);

create table supply.items (
    id bigserial primary key,
    code text not null unique,
    name text not null,
    unit text not null,
    counted boolean not null default true,
    pack_size integer not null default 1 check (pack_size > 0),
    shelf_life_days integer check (shelf_life_days is null or shelf_life_days > 0),
    storage text,
    -- what one full testing round of the county uses of it: PERSON (one per person sampled),
    -- POOL (one per pooled tube), null for anything else
    round_use text check (round_use in ('PERSON', 'POOL')),
    category_id bigint not null references supply.categories
);
create index items_category on supply.items (category_id);

create table supply.warehouses (
    id bigserial primary key,
    name text not null,
    region_code text not null,
    region_name text not null,
    region_path text not null,
    level text not null check (level in ('COUNTY', 'TOWNSHIP', 'VILLAGE')),
    keeper text,
    phone text,
    location text,
    place_id bigint
);
create index warehouses_path on supply.warehouses (region_path text_pattern_ops);

create table supply.suppliers (
    id bigserial primary key,
    name text not null unique,
    contact text,
    phone text,
    region_code text,
    product_lines text not null default '',
    daily_capacity integer not null default 0,
    agreement_reserve integer not null default 0
);

create table supply.lots (
    id bigserial primary key,
    item_id bigint not null references supply.items,
    lot_no text not null,
    produced_on date,
    expires_on date,
    supplier_id bigint references supply.suppliers,
    unique (item_id, lot_no),
    check (expires_on is null or produced_on is null or expires_on >= produced_on)
);

create table supply.ledger (
    id bigserial primary key,
    at timestamptz not null,
    warehouse_id bigint not null references supply.warehouses,
    lot_id bigint not null references supply.lots,
    item_id bigint not null references supply.items,
    kind text not null check (kind in ('RECEIPT', 'ISSUE', 'TRANSFER_OUT', 'TRANSFER_IN', 'ADJUSTMENT', 'WRITE_OFF')),
    quantity numeric(14, 3) not null check (quantity <> 0),
    reason text,
    requisition_id bigint,
    username text not null
);
create index ledger_item_at on supply.ledger (item_id, at);
create index ledger_warehouse_lot on supply.ledger (warehouse_id, lot_id);

-- The ledger is append-only: a correction is a new ADJUSTMENT row.
create function supply.ledger_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'supply.ledger is append-only (% refused)', tg_op;
end $$;
create trigger ledger_no_update before update or delete on supply.ledger
    for each row execute function supply.ledger_immutable();

create table supply.balances (
    warehouse_id bigint not null references supply.warehouses,
    lot_id bigint not null references supply.lots,
    item_id bigint not null references supply.items,
    expires_on date,
    quantity numeric(14, 3) not null check (quantity >= 0),
    primary key (warehouse_id, lot_id)
);
create index balances_item on supply.balances (item_id) include (quantity, expires_on);

create table supply.levels (
    warehouse_id bigint not null references supply.warehouses,
    item_id bigint not null references supply.items,
    minimum numeric(14, 3) not null,
    reorder numeric(14, 3) not null,
    maximum numeric(14, 3) not null,
    primary key (warehouse_id, item_id),
    check (0 <= minimum and minimum <= reorder and reorder <= maximum)
);

create table supply.requisitions (
    id bigserial primary key,
    requester_region text not null,
    requester_name text not null,
    requester_path text not null,
    requested_by text not null,
    emergency boolean not null default false,
    state text not null check (state in ('SUBMITTED', 'FIRST_APPROVED', 'APPROVED', 'ALLOCATED', 'DISPATCHED', 'RECEIVED')),
    approvals integer not null default 0,
    note text,
    created_at timestamptz not null,
    allocated_at timestamptz,
    vehicle text,
    driver text,
    dispatched_at timestamptz,
    received_at timestamptz,
    received_by text
);
create index requisitions_path on supply.requisitions (requester_path text_pattern_ops);

create table supply.requisition_lines (
    id bigserial primary key,
    requisition_id bigint not null references supply.requisitions,
    line_no integer not null,
    item_id bigint not null references supply.items,
    quantity numeric(14, 3) not null check (quantity > 0),
    allocated numeric(14, 3) not null default 0,
    received numeric(14, 3),
    discrepancy text check (discrepancy in ('OVER', 'SHORT')),
    unique (requisition_id, line_no)
);

create table supply.approvals (
    requisition_id bigint not null references supply.requisitions,
    level integer not null,
    username text not null,
    at timestamptz not null,
    after_the_fact boolean not null,
    primary key (requisition_id, level)
);

create table supply.picks (
    id bigserial primary key,
    requisition_id bigint not null references supply.requisitions,
    line_id bigint not null references supply.requisition_lines,
    warehouse_id bigint not null references supply.warehouses,
    lot_id bigint not null references supply.lots,
    quantity numeric(14, 3) not null check (quantity > 0)
);
create index picks_requisition on supply.picks (requisition_id);
