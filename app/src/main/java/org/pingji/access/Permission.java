package org.pingji.access;

/** What a role may do; checked by facades, never only by hiding a button. */
public enum Permission {
    /** Read regions, places and roll-up counts inside the jurisdiction. */
    REGION_READ("查看区域与统计"),
    /** List and read persons and households (masked) inside the jurisdiction. */
    LEDGER_READ("查看人口台账"),
    /** Import ledgers from Excel into the jurisdiction. */
    LEDGER_IMPORT("导入台账"),
    /** Export ledgers to Excel (audited). */
    LEDGER_EXPORT("导出台账"),
    /** See a full resident ID or phone number (audited). */
    UNMASK("查看完整证件号和手机号"),
    /** Open and close testing rounds, open tables and assign samplers. */
    ROUND_MANAGE("组织核酸检测轮次"),
    /** Scan persons into tubes, seal tubes and pack transport boxes at a sampling table. */
    SAMPLE("采样"),
    /** Receive transport boxes and report tube results. */
    LAB_REPORT("接收样本和报告检测结果"),
    /** Preview and apply risk-area notices, edit risk areas by hand. */
    RISK_MANAGE("管理风险区"),
    /** Read a person's health status with its reasons (staff, in the jurisdiction). */
    STATUS_READ("查看健康状态"),
    /** Request or approve a manual status override (two different users, both audited). */
    STATUS_OVERRIDE("人工调整健康状态"),
    /** Run a checkpoint desk: check travellers' four codes and record passages. */
    CHECKPOINT_CHECK("卡口查验"),
    /** Record arrivals (来返报备) for residents and follow the measures they require. */
    ARRIVAL_RECORD("登记来返人员"),
    /** Open point-to-point transfers and sign handover receipts. */
    TRANSFER_HANDLE("办理点对点转运"),
    /** Run spatiotemporal-companion detection and read its runs and results (full phones, audited). */
    COMPANION_RUN("开展时空伴随研判"),
    /** See and record the caller's own companion follow-ups (locate, two tests, clear or escalate). */
    COMPANION_FOLLOW_UP("核查时空伴随人员"),
    /** Browse the audit log and manage users. */
    ADMINISTER("管理系统"),
    /** Manage quarantine sites, rooms and placements; release (and approve release overrides). */
    QUARANTINE_MANAGE("管理隔离"),
    /** Record temperature and symptom checks of persons under quarantine or monitoring. */
    HEALTH_CHECK("登记健康监测"),
    /** Cases, investigations, contacts, itineraries and exposure matching (流调). */
    TRACE("开展流调"),
    /** Scan persons in at a venue's place code (场所码). */
    CHECK_IN("场所扫码登记"),
    /** Switch the normal/emergency mode, confirm a switch (second co-leader) and edit emergency plans. */
    COMMAND_MODE("切换平战状态和管理预案"),
    /** Issue directives to regions or task groups below the caller's own level. */
    DIRECTIVE_ISSUE("下达指令"),
    /** Acknowledge and complete directives addressed to the caller's region. */
    DIRECTIVE_RESPOND("签收和办理指令"),
    /** Fill in the daily report of a region in the jurisdiction. */
    REPORT_FILL("填报日报"),
    /** Keep the duty roster and duty log, handle alerts, record drills. */
    DUTY("值班值守"),
    /** Open door-to-door visit campaigns over a region and read their coverage. */
    VISIT_MANAGE("组织入户走访"),
    /** Record household visits (who was found, who moved in or out, new phones, who is away). */
    VISIT_RECORD("登记入户走访"),
    /** Merge two ledger entries of one person found twice, and undo a merge (audited). */
    PERSON_MERGE("合并重复人员"),
    /** Report daily counts of a signal (pharmacy sales, fever-clinic visits, absenteeism) for a unit. */
    SIGNAL_REPORT("上报监测数据"),
    /** Read signal streams, run and tune aberration detection, backtest settings. */
    SIGNAL_ANALYSE("开展监测预警分析"),
    /** Answer early-warning signals: acknowledge, verify, dismiss or escalate to an event. */
    SIGNAL_RESPOND("响应预警信号"),
    /** Register sensors and sites, set thresholds and polling intervals. */
    SENSOR_MANAGE("管理监测传感器"),
    /** Acknowledge and dispose of sensor alarms (gas, CO, water level, crowd flow). */
    ALARM_HANDLE("处置监测报警"),
    /** Keep the supervision directories, groups, checklists and plans; draw, escalate, close and reopen entities. */
    INSPECTION_MANAGE("组织督查检查"),
    /** Carry out inspections and patrols on site: checklists, photos, signatures, hazards. */
    INSPECT("开展现场督查"),
    /** Keep the supplies catalogue, warehouses, lots, suppliers and stock; allocate and dispatch. */
    SUPPLY_MANAGE("管理应急物资"),
    /** Request supplies for the caller's region, site or point and confirm their receipt. */
    SUPPLY_REQUEST("申领应急物资"),
    /** Approve supply requisitions (never one's own). */
    SUPPLY_APPROVE("审批物资申领"),
    /** Write notices (六个一) and loudspeaker scripts for regions in the jurisdiction. */
    NOTICE_WRITE("撰写宣传通知"),
    /** Approve and publish, update, cancel notices written by someone else. */
    NOTICE_APPROVE("审核发布宣传通知"),
    /** Keep the policy Q&A, trainings and venue reservations. */
    PUBLICITY_MANAGE("管理政策问答、培训和场所预约"),
    /** Confirm a village loudspeaker broadcast (播报打卡). */
    BROADCAST_CONFIRM("大喇叭播报打卡");

    private final String action;

    Permission(String action) {
        this.action = action;
    }

    /** What the permission allows, in Chinese, as a refusal names it: "无权" + action. */
    public String action() {
        return action;
    }
}
