/// The Chinese texts of generated records: training and meeting topics, ledger measures,
/// commendation titles. Interned once per run (`InternedTexts`), then reused by id.
enum Texts {
    static let trainingTopics = [
        "习近平新时代中国特色社会主义思想专题学习", "基层妇联组织改革精神解读", "妇联执委履职能力提升培训",
        "家庭家教家风建设", "妇女儿童权益保障法律知识", "反家庭暴力法宣传培训", "巾帼创业就业技能培训",
        "乡村振兴巾帼行动", "网上妇联与新媒体运用", "婚姻家庭纠纷调解实务", "妇女之家规范化建设",
        "执委联系服务妇女群众工作方法", "心理健康与关爱服务", "基层治理与网格化服务",
    ]
    static let meetingTopics = [
        "研究部署本季度妇联工作", "学习传达上级妇联会议精神", "讨论妇女之家活动安排", "研究困难妇女帮扶名单",
        "部署三八节系列活动", "研究巾帼志愿服务工作", "听取执委联系妇女群众情况汇报", "研究家庭教育指导服务",
        "讨论年度工作总结", "部署最美家庭评选工作", "研究两癌筛查组织工作", "研究妇女议事会议题",
    ]
    static let rotatingChairTopics = [
        "轮值主席工作交接", "轮值主席调研情况汇报", "研究轮值期间重点工作", "轮值主席团例会",
    ]
    /// Measures taken, per `Vocab.category` code (same order as its labels).
    static let measures: [[String]] = [
        ["上门走访了解生活情况", "联系村委会协调照料", "组织志愿者结对帮扶", "开展心理疏导"],
        ["定期电话问候", "协调邻里互助照看", "联系医疗机构上门体检", "帮助申请居家养老服务"],
        ["协助申请临时救助", "送去慰问金和物资", "帮助对接低保政策", "联系爱心企业资助"],
        ["推荐创业担保贷款", "对接巾帼创业培训", "帮助联系销售渠道", "邀请参加女企业家交流会"],
        ["上门调解家庭矛盾", "邀请律师提供法律咨询", "联系人民调解委员会", "开展婚姻家庭辅导"],
        ["登记流动妇女信息", "介绍就业岗位", "帮助子女办理入学", "邀请加入妇联微信群"],
        ["协助办理残疾人补贴", "联系康复机构", "组织志愿者定期探访", "帮助申请无障碍改造"],
        ["宣传妇女儿童政策", "邀请参加妇女之家活动", "了解家庭基本情况", "收集意见建议"],
    ]
    static let personTitles = ["三八红旗手", "最美基层妇联干部", "巾帼建功标兵", "最美家庭"]
    static let collectiveTitles = ["三八红旗集体", "巾帼文明岗", "先进基层妇联组织"]
}

/// `Texts` interned into one run's string pool.
struct InternedTexts {
    let trainingTopics: [Int32]
    let meetingTopics: [Int32]
    let rotatingChairTopics: [Int32]
    let measures: [[Int32]]
    let personTitles: [Int32]
    let collectiveTitles: [Int32]

    init(_ em: inout Emitter) {
        func ids(_ list: [String]) -> [Int32] { list.map { em.intern($0) } }
        trainingTopics = ids(Texts.trainingTopics)
        meetingTopics = ids(Texts.meetingTopics)
        rotatingChairTopics = ids(Texts.rotatingChairTopics)
        measures = Texts.measures.map { ids($0) }
        personTitles = ids(Texts.personTitles)
        collectiveTitles = ids(Texts.collectiveTitles)
    }
}
