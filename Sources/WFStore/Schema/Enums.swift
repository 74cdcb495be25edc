/// The closed vocabularies of the domain (domain.md). Codes are stored in snapshots: append new
/// labels at the end, never reorder or remove.
public enum Vocab {
    public static let level = EnumType("level", [
        ("nation", "全国"), ("province", "省"), ("city", "市"), ("county", "县"),
        ("township", "乡镇街道"), ("village", "村社区"), ("group", "妇女小组"),
    ])

    /// What kind of place or body an organisation belongs to.
    public static let unit = EnumType("unit", [
        ("nation", "全国"), ("province", "省"), ("region", "自治区"), ("municipality", "直辖市"),
        ("city", "市"), ("prefecture", "地区"), ("league", "盟"),
        ("county", "县"), ("district", "区"), ("county_city", "县级市"), ("banner", "旗"),
        ("town", "镇"), ("township", "乡"), ("street", "街道"), ("sumu", "苏木"),
        ("village", "村"), ("community", "社区"), ("gacha", "嘎查"),
        ("natural_village", "自然村"), ("villager_group", "村民小组"), ("grid", "社区网格"), ("building", "居民楼栋"),
        ("agency", "机关"), ("enterprise", "企业"), ("institution", "事业单位"),
        ("social_org", "社会组织"), ("fellowship", "联谊组织"),
        ("cooperative", "农民合作社"), ("association", "行业协会"), ("interest_group", "兴趣组织"),
        ("park", "工业园区"), ("commercial_building", "商务楼宇"), ("market", "专业市场"),
        ("two_new", "两新组织"), ("dance_team", "广场文体团队"), ("migrant_women", "流动妇女"),
        ("makers", "女创客"), ("freelancers", "自由职业女性"), ("online", "网上妇联"),
    ])

    /// How the organisation relates to the network (§1–§3).
    public static let field = EnumType("field", [
        ("regional", "区域"), ("horizontal", "横向"), ("new_field", "新领域"), ("online", "网上"),
    ])

    public static let form = EnumType("form", [
        ("federation", "妇联"), ("congress", "妇代会"), ("group", "妇女小组"), ("work_group", "妇女工作小组"),
    ])

    public static let role = EnumType("role", [
        ("chair", "主席"), ("vice_chair", "副主席"), ("exec", "执委"),
        ("group_leader", "妇女小组长"), ("director", "妇代会主任"), ("member", "成员"),
    ])

    public static let personTag = EnumType("person_tag", [
        ("group_leader", "妇女小组长"), ("grid_worker", "网格员"), ("building_head", "楼栋长"),
        ("prosperity_leader", "巾帼致富带头人"), ("interest_leader", "兴趣组织带头人"),
        ("dance_leader", "广场舞队长"), ("entrepreneur", "女企业家"), ("agency_head", "机关负责人"),
        ("social_org_head", "社会组织负责人"), ("skilled", "有专长"), ("migrant", "流动妇女"),
        ("party_member", "党员"), ("cadre", "村干部"),
    ])

    public static let homeType = EnumType("home_type", [
        ("offline", "线下妇女之家"), ("online", "网上妇女之家"), ("micro", "妇女微家"),
    ])

    public static let host = EnumType("host", [
        ("party_site", "党组织活动场所"), ("service_center", "党群服务中心"), ("culture_station", "公共文化站点"),
        ("own_site", "自建场所"), ("enterprise_site", "企业场所"), ("community_room", "社区活动室"),
        ("wechat", "微信群"), ("qq", "QQ群"), ("voice_app", "女性之声"), ("fulian_tong", "妇联通"),
    ])

    public static let demoLevel = EnumType("demo_level", [
        ("none", "无"), ("county", "县级示范"), ("city", "市级示范"), ("province", "省级示范"), ("national", "全国示范"),
    ])

    public static let category = EnumType("category", [
        ("left_behind", "留守妇女"), ("empty_nest", "空巢老人家庭"), ("hardship", "困难家庭"),
        ("entrepreneur", "创业困难女性"), ("marriage_dispute", "婚姻家庭纠纷"), ("migrant", "流动妇女"),
        ("disabled", "残疾妇女"), ("general", "一般联系"),
    ])

    public static let channel = EnumType("channel", [
        ("visit", "入户走访"), ("phone", "电话"), ("wechat", "微信"), ("meeting", "座谈"),
    ])

    public static let result = EnumType("result", [
        ("resolved", "已解决"), ("in_progress", "跟进中"), ("referred", "已转介"), ("unresolved", "未解决"),
    ])

    public static let meetingKind = EnumType("meeting_kind", [
        ("exec_meeting", "执委会议"), ("rotating_chair_meeting", "轮值主席会议"), ("congress", "妇女代表大会"),
        ("training_session", "培训会"),
    ])

    public static let rating = EnumType("rating", [
        ("excellent", "优秀"), ("competent", "称职"), ("basic", "基本称职"), ("incompetent", "不称职"),
    ])

    public static let honourLevel = EnumType("honour_level", [
        ("county", "县级"), ("city", "市级"), ("province", "省级"), ("national", "全国"),
    ])

    public static let all: [EnumType] = [
        level, unit, field, form, role, personTag, homeType, host, demoLevel, category,
        channel, result, meetingKind, rating, honourLevel,
    ]
}
